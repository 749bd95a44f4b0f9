package golden.formatting;

public record Line(String item, int quantity, long cents, int change, long views) {}
