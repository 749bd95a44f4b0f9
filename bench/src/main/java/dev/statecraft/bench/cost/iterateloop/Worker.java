package dev.statecraft.bench.cost.iterateloop;

import dev.statecraft.api.Activities;

/** The work done on each iteration. */
@Activities
public interface Worker {
  int work(int index);
}
