package dev.statecraft.bench;

import dev.statecraft.local.ExecutionListener;
import dev.statecraft.local.HistoryEvent;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times every state transition of a round from the engine's history events, and frees a concurrency
 * permit when an execution ends.
 *
 * <p>The listener sees an event right after the engine committed it (durable) or recorded it (in
 * memory). A transition's latency is the time from the commit of the event its {@code
 * ...StateEntered} event follows (the previous state's exit, the {@code MapIterationStarted} or the
 * {@code ExecutionStarted}: the moment the state became ready to run) to the commit of that {@code
 * ...StateEntered} event, which in this engine is the same commit as the state's work and exit. So
 * it covers queueing behind other executions, running the state and committing it.
 */
final class TransitionClock implements ExecutionListener {
  private final Map<String, CommitTimes> committedAt = new ConcurrentHashMap<>();
  private final Semaphore inFlight;
  private final AtomicLong transitions = new AtomicLong();
  private final AtomicLong succeeded = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private long[] latencies = new long[1 << 16];
  private int latencyCount;

  TransitionClock(Semaphore inFlight) {
    this.inFlight = inFlight;
  }

  @Override
  public void onEvent(String executionArn, HistoryEvent event) {
    long now = System.nanoTime();
    CommitTimes times = committedAt.computeIfAbsent(executionArn, arn -> new CommitTimes());
    long latency = -1;
    synchronized (times) {
      times.set(event.id(), now);
      if (event.type().endsWith("StateEntered") && event.previousEventId() > 0) {
        latency = now - times.get(event.previousEventId());
      }
    }
    if (latency >= 0) {
      transitions.incrementAndGet();
      addLatency(latency);
    }
    switch (event.type()) {
      case "ExecutionSucceeded" -> end(executionArn, succeeded);
      case "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted" -> end(executionArn, failed);
      default -> {}
    }
  }

  private void end(String executionArn, AtomicLong outcome) {
    committedAt.remove(executionArn);
    outcome.incrementAndGet();
    inFlight.release();
  }

  private synchronized void addLatency(long nanos) {
    if (latencyCount == latencies.length) {
      latencies = Arrays.copyOf(latencies, latencies.length * 2);
    }
    latencies[latencyCount++] = nanos;
  }

  long transitions() {
    return transitions.get();
  }

  long succeeded() {
    return succeeded.get();
  }

  long failed() {
    return failed.get();
  }

  /** The latency at {@code quantile} (0..1) in nanoseconds, over every transition so far. */
  synchronized long percentile(double quantile) {
    if (latencyCount == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(latencies, latencyCount);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** When each event of one execution was seen, by event id. */
  private static final class CommitTimes {
    private long[] at = new long[1024];

    void set(long id, long nanos) {
      if (id >= at.length) {
        at = Arrays.copyOf(at, (int) Math.max(id + 1, at.length * 2L));
      }
      at[(int) id] = nanos;
    }

    long get(long id) {
      return at[(int) id];
    }
  }
}
