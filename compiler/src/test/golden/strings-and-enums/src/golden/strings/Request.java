package golden.strings;

public record Request(String text, String pattern, int from, int count, String color) {}
