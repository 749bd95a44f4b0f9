package dev.statecraft.bench.cost.parallellookup;

import dev.statecraft.api.Activities;

/** Two independent lookups. */
@Activities
public interface Directory {
  String address(String person);

  String phone(String person);
}
