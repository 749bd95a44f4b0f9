package dev.statecraft.examples.triage;

/** A customer support ticket: the workflow's input. */
public record Ticket(String id, String customer, String subject, String body) {}
