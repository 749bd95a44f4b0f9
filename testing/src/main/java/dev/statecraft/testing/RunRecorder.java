package dev.statecraft.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * What one run records, in either mode: its activity calls in order, the aliases of its callback
 * tokens, the callbacks waiting for the test, and set-up mistakes to report when it finishes.
 */
final class RunRecorder {
  private final String executionId;
  private final List<ActivityCall> calls = new ArrayList<>();
  private final Map<String, String> aliases = new HashMap<>();
  private final Map<String, PendingCallback> pending = new LinkedHashMap<>();
  private final List<Throwable> problems = new ArrayList<>();
  private int children;

  RunRecorder(String executionId) {
    this.executionId = executionId;
  }

  String executionId() {
    return executionId;
  }

  synchronized void record(ActivityCall call) {
    calls.add(call);
  }

  synchronized List<ActivityCall> calls() {
    return List.copyOf(calls);
  }

  /** {@code callback-N} for the N-th distinct token this run handed out. */
  synchronized String alias(String token) {
    return aliases.computeIfAbsent(token, t -> "callback-" + (aliases.size() + 1));
  }

  /**
   * A set-up mistake or an {@link Error} thrown by a fake (a failed assertion): the run's result
   * throws it instead of reporting an outcome.
   */
  synchronized void problem(Throwable problem) {
    problems.add(problem);
  }

  synchronized List<Throwable> problems() {
    return List.copyOf(problems);
  }

  /** The number of the next child execution this run starts, from 1. */
  synchronized int nextChild() {
    return ++children;
  }

  synchronized void waiting(PendingCallback callback) {
    pending.put(callback.token(), callback);
    notifyAll();
  }

  synchronized void answered(String token) {
    pending.remove(token);
  }

  synchronized List<PendingCallback> pending() {
    return List.copyOf(pending.values());
  }

  /**
   * Waits until a pending callback matches, the run has {@code finished}, or {@code timeout} of
   * wall time has passed.
   */
  synchronized Optional<PendingCallback> awaitPending(
      Predicate<PendingCallback> match, BooleanSupplier finished, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (PendingCallback c : pending.values()) {
        if (match.test(c)) {
          return Optional.of(c);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || finished.getAsBoolean()) {
        return Optional.empty();
      }
      wait(Math.max(1, Math.min(left / 1_000_000, 20)));
    }
  }
}
