package golden.missing;

public record Person(String name, String email) {}
