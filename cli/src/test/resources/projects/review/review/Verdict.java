package review;

public record Verdict(boolean approved, String by) {}
