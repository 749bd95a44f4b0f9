package dev.statecraft.examples.refund;

/** A customer's request to refund (part of) an order. */
public record RefundRequest(
    String id, String customerEmail, String orderId, double amount, String reason) {}
