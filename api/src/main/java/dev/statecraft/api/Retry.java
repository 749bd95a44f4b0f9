package dev.statecraft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A retry policy for an activity, used inside {@link Activity#retry()}.
 *
 * <p>The first retry waits {@code initialInterval}; each later one waits {@code backoffRate} times
 * longer than the one before, never longer than {@code maxInterval} when that is set. After {@code
 * maxAttempts} attempts in all (the first one included), the last error propagates to the workflow.
 *
 * <pre>{@code
 * @Retry(maxAttempts = 5, initialInterval = "PT1S", backoffRate = 2.0, maxInterval = "PT30S",
 *        retryOn = {RateLimited.class, ActivityTimeout.class})
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Retry {
  /** Attempts in all, the first included; {@code 1} means no retry. */
  int maxAttempts() default 1;

  /** Wait before the first retry, ISO-8601. Whole seconds on AWS (rounded up). */
  String initialInterval() default "PT1S";

  /** Multiplier applied to the wait after each retry; at least 1.0. */
  double backoffRate() default 2.0;

  /** Upper bound on any single wait, ISO-8601; empty means unbounded. */
  String maxInterval() default "";

  /**
   * The exception classes that are retried, subclasses included; {@link ActivityTimeout} retries
   * timed-out attempts. Empty means every activity error, timeouts included.
   */
  Class<? extends Throwable>[] retryOn() default {};
}
