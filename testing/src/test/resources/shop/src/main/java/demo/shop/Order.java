package demo.shop;

/** What a customer orders. */
public record Order(String id, String sku, int quantity, boolean express) {}
