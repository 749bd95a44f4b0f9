package dev.statecraft.examples.triage;

/** The workflow's output. */
public record TriageResult(
    String ticketId,
    String category,
    double confidence,
    boolean escalated,
    String reply,
    String model,
    int tokens,
    String summary) {}
