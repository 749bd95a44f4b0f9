package golden.core;

public record Address(String city, String zip) {}
