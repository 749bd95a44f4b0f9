package dev.statecraft.bench.cost.iterateloop;

/** Squares the index. */
public class WorkerImpl implements Worker {
  @Override
  public int work(int index) {
    return index * index;
  }
}
