package dev.statecraft.examples.triage;

/**
 * A drafted reply and what it cost.
 *
 * @param text the reply
 * @param model the model that wrote it
 * @param inputTokens prompt tokens used
 * @param outputTokens completion tokens used
 * @param routing how the model router chose the model
 */
public record Reply(
    String text, String model, int inputTokens, int outputTokens, Routing routing) {}
