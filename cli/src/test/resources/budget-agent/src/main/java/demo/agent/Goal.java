package demo.agent;

/** What the agent researches. */
public record Goal(String question) {}
