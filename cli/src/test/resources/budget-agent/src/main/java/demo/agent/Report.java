package demo.agent;

/** What the agent ends with. */
public record Report(String question, int steps, long tokens, String notes, String stoppedBy) {}
