package dev.statecraft.local.internal;

import dev.statecraft.local.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The wall clock behind {@link TimeSource#system()}. */
public final class SystemTimeSource implements TimeSource {
  public static final SystemTimeSource INSTANCE = new SystemTimeSource();

  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "statecraft-timers");
            thread.setDaemon(true);
            return thread;
          });

  private SystemTimeSource() {}

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public Scheduled schedule(Instant at, Runnable action) {
    long delayNanos = Math.max(0, Duration.between(Instant.now(), at).toNanos());
    ScheduledFuture<?> future = timers.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }
}
