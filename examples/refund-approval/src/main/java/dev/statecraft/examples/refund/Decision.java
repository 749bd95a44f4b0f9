package dev.statecraft.examples.refund;

/**
 * A reviewer's answer, posted as JSON to the callback URL, e.g. {@code {"approved": true,
 * "reviewer": "ana", "note": "loyal customer"}}.
 */
public record Decision(boolean approved, String reviewer, String note) {}
