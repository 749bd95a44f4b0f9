package golden.strings;

public record Line(String customer, int count) {}
