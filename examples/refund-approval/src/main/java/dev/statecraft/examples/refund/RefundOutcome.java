package dev.statecraft.examples.refund;

/** What happened to a refund request: {@code refunded} or {@code declined}, by whom, and why. */
public record RefundOutcome(
    String requestId, String status, String risk, String decidedBy, String refundId, String note) {}
