package demo.shop;

/** What placing an order produced. */
public record Receipt(String orderId, String status, double amount, String tracking) {}
