package golden.branches;

public record Decision(String outcome, String reviewer, int score) {}
