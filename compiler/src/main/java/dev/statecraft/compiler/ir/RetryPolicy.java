package dev.statecraft.compiler.ir;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A retry policy from {@code @Retry}.
 *
 * @param maxAttempts attempts in all, the first included; 1 means no retry
 * @param initialInterval wait before the first retry
 * @param backoffRate multiplier per retry, at least 1
 * @param maxInterval cap on any one wait, if set
 * @param retryOn errors retried; empty means every activity error including timeouts
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialInterval,
    double backoffRate,
    Optional<Duration> maxInterval,
    List<ErrorName> retryOn) {

  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ofSeconds(1), 2.0, Optional.empty(), List.of());

  public RetryPolicy {
    retryOn = List.copyOf(retryOn);
  }

  /** Whether any retry happens. */
  public boolean retries() {
    return maxAttempts > 1;
  }
}
