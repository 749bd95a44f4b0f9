package golden.text;

public record Prompt(
    String topic, int scale, String placeholder, String budget, String empty) {}
