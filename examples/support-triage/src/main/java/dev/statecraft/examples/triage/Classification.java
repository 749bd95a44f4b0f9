package dev.statecraft.examples.triage;

/**
 * What the cheap model made of a ticket.
 *
 * @param category billing, bug, how-to, account or complex
 * @param confidence the model's confidence, 0 to 1
 * @param model which model classified it
 * @param routing how the model router chose it
 */
public record Classification(String category, double confidence, String model, Routing routing) {}
