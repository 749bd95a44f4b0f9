package demo.approval;

/** A manager's answer. */
public record Approval(boolean approved, String by) {}
