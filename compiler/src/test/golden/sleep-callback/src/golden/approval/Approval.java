package golden.approval;

public record Approval(boolean approved, String by) {}
