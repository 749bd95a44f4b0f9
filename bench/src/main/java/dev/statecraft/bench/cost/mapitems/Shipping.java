package dev.statecraft.bench.cost.mapitems;

import dev.statecraft.api.Activities;

/** Ships one item. */
@Activities
public interface Shipping {
  String ship(String orderId, Item item);
}
