package golden.branches;

public record Request(String user, int amount, String currency) {}
