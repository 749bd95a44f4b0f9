package dev.statecraft.bench.cost.mapitems;

/** One line of an order. */
public record Item(String sku, int quantity) {}
