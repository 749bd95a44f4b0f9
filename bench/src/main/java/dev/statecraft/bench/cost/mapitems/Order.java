package dev.statecraft.bench.cost.mapitems;

import java.util.List;

/** An order and its items. */
public record Order(String id, List<Item> items) {}
