package golden.core;

public record Customer(String name, Address address, boolean vip) {}
