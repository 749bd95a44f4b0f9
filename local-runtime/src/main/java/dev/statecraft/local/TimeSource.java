package dev.statecraft.local;

import dev.statecraft.local.internal.SystemTimeSource;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The engine's clock: history timestamps, Wait states, retry back-off and task timeouts all go
 * through it.
 *
 * <p>{@link #system()} is the wall clock. {@link VirtualTimeSource} is a simulated clock for tests:
 * waits, back-off and timeouts complete at once while timestamps still advance as if the time had
 * passed.
 */
public interface TimeSource {
  /** The current instant. */
  Instant now();

  /**
   * Runs {@code action} once, on a thread of the time source, when {@link #now()} reaches {@code
   * at} (at once if it already has).
   *
   * @return a handle that cancels the action if it has not run yet
   */
  Scheduled schedule(Instant at, Runnable action);

  /**
   * Tells the time source how to see whether an engine using it is idle: nothing runnable and no
   * in-process task running. The wall clock ignores it; a {@link VirtualTimeSource} only jumps
   * ahead while every attached engine is idle. Called by the engine when it opens.
   */
  default void attach(BooleanSupplier idle) {}

  /** Undoes {@link #attach}; called by the engine when it closes. */
  default void detach(BooleanSupplier idle) {}

  /** The wall clock, with one shared daemon thread for timers. */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }

  /** A pending action of {@link #schedule}. */
  @FunctionalInterface
  interface Scheduled {
    /** Cancels the action; does nothing if it already ran. */
    void cancel();
  }
}
