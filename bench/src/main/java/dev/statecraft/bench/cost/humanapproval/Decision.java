package dev.statecraft.bench.cost.humanapproval;

/** The approver's answer. */
public record Decision(boolean approved, String by) {}
