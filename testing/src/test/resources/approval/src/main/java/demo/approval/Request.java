package demo.approval;

/** A purchase request: {@code amount} units of {@code sku}. */
public record Request(String id, String sku, int amount) {}
