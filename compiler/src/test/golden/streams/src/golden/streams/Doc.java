package golden.streams;

public record Doc(String title, int words) {}
