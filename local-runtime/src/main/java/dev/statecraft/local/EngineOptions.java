package dev.statecraft.local;

import java.nio.file.Path;

/**
 * How to open a {@link LocalEngine}.
 *
 * <pre>{@code
 * EngineOptions.durable(Path.of("statecraft.db")).withWorkerThreads(4);
 * EngineOptions.inMemory().withTime(new VirtualTimeSource(Instant.EPOCH));
 * }</pre>
 *
 * @param database the SQLite file that holds state machines, executions and history; null keeps
 *     everything in memory, which is faster but lost when the engine closes
 * @param listener receives each history event as it is recorded
 * @param time the clock for timestamps, waits, back-off and timeouts
 * @param workerThreads threads that execute states (task handlers run on threads of their own); at
 *     least 1
 */
public record EngineOptions(
    Path database, ExecutionListener listener, TimeSource time, int workerThreads) {

  /** Checks the options and fills in defaults for a null listener or clock. */
  public EngineOptions {
    listener = listener == null ? ExecutionListener.NONE : listener;
    time = time == null ? TimeSource.system() : time;
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1: " + workerThreads);
    }
  }

  /** Options for an engine that keeps everything in memory; nothing survives {@code close()}. */
  public static EngineOptions inMemory() {
    return new EngineOptions(null, null, null, defaultWorkerThreads());
  }

  /** Options for an engine that commits every state transition to the SQLite file {@code db}. */
  public static EngineOptions durable(Path db) {
    return inMemory().withDatabase(db);
  }

  /** A copy with another database file, or null for in-memory. */
  public EngineOptions withDatabase(Path db) {
    return new EngineOptions(db, listener, time, workerThreads);
  }

  /** A copy with another listener. */
  public EngineOptions withListener(ExecutionListener newListener) {
    return new EngineOptions(database, newListener, time, workerThreads);
  }

  /** A copy with another clock. */
  public EngineOptions withTime(TimeSource newTime) {
    return new EngineOptions(database, listener, newTime, workerThreads);
  }

  /** A copy with another number of worker threads. */
  public EngineOptions withWorkerThreads(int threads) {
    return new EngineOptions(database, listener, time, threads);
  }

  private static int defaultWorkerThreads() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }
}
