package dev.statecraft.azure;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How one activity is called: the function name, the per-attempt timeout and the retry policy from
 * its {@code @Activity} annotation. The compiler emits one constant per activity method.
 *
 * @param functionName the activity function's name
 * @param timeout how long one attempt may run
 * @param maxAttempts attempts in all, the first included
 * @param initialInterval wait before the first retry
 * @param backoffRate multiplier applied to the wait after each retry
 * @param maxInterval upper bound on one wait, or {@code null} for none
 * @param retryOn error types retried (fully-qualified exception class names, subclasses already
 *     expanded, {@code "dev.statecraft.api.ActivityTimeout"} for timeouts); empty retries all
 */
public record ActivitySpec(
    String functionName,
    Duration timeout,
    int maxAttempts,
    Duration initialInterval,
    double backoffRate,
    Duration maxInterval,
    Set<String> retryOn) {

  public ActivitySpec {
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(initialInterval, "initialInterval");
    retryOn = Set.copyOf(retryOn);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** Whether a failed attempt with this error type is retried. */
  boolean retries(String errorType) {
    return retryOn.isEmpty() || retryOn.contains(errorType);
  }

  /** The wait before retry number {@code retry} (1-based). */
  Duration delayBefore(int retry) {
    double seconds = initialInterval.toMillis() / 1000.0 * Math.pow(backoffRate, retry - 1);
    Duration delay = Duration.ofMillis((long) Math.ceil(seconds * 1000));
    return maxInterval != null && delay.compareTo(maxInterval) > 0 ? maxInterval : delay;
  }
}
