package dev.statecraft.testing;

import dev.statecraft.api.Activity;
import dev.statecraft.api.ActivityTimeout;
import dev.statecraft.api.Retry;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

/**
 * An activity's {@code @Activity} timeout and {@code @Retry} policy, applied the way Step Functions
 * applies the {@code Retry} the compiler emits: intervals in whole seconds (rounded up), the n-th
 * retry waiting {@code interval * backoffRate^(n-1)} capped by {@code maxInterval}, and {@code
 * retryOn} matching an exception's class or a superclass of it; a timed-out attempt only when
 * {@code retryOn} is empty or names {@link ActivityTimeout}.
 */
record RetrySchedule(
    Duration timeout,
    int maxAttempts,
    long intervalSeconds,
    double backoffRate,
    Long maxDelaySeconds,
    List<Class<? extends Throwable>> retryOn) {

  static final RetrySchedule NONE =
      new RetrySchedule(Duration.ofMinutes(5), 1, 1, 2.0, null, List.of());

  static RetrySchedule of(Method activity) {
    Activity a = activity.getAnnotation(Activity.class);
    if (a == null) {
      return NONE;
    }
    Retry r = a.retry();
    return new RetrySchedule(
        Duration.parse(a.timeout()),
        r.maxAttempts(),
        seconds(Duration.parse(r.initialInterval())),
        r.backoffRate(),
        r.maxInterval().isEmpty() ? null : seconds(Duration.parse(r.maxInterval())),
        List.of(r.retryOn()));
  }

  /** Whether an attempt that threw {@code thrown} (or {@code timedOut}) is retried. */
  boolean retries(Throwable thrown, boolean timedOut) {
    if (retryOn.isEmpty()) {
      return true;
    }
    if (timedOut) {
      return retryOn.contains(ActivityTimeout.class);
    }
    for (Class<? extends Throwable> c : retryOn) {
      if (c != ActivityTimeout.class && c.isInstance(thrown)) {
        return true;
      }
    }
    return false;
  }

  /** The wait before retry number {@code retry}, counting from 1. */
  Duration delayBefore(int retry) {
    double delay = intervalSeconds * Math.pow(backoffRate, retry - 1);
    if (maxDelaySeconds != null) {
      delay = Math.min(delay, maxDelaySeconds);
    }
    return Duration.ofNanos((long) (delay * 1e9));
  }

  private static long seconds(Duration d) {
    return Math.max(1, (long) Math.ceil(d.toMillis() / 1000.0));
  }
}
