package demo.shop;

/** The price of an order. */
public record Quote(double amount, String currency) {}
