package golden.switches;

public record Ticket(String channel, Priority priority, int age) {}
