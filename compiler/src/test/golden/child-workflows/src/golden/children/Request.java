package golden.children;

public record Request(String text, String language) {}
