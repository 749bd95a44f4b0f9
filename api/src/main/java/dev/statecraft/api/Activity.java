package dev.statecraft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets how an activity method of an {@link Activities} interface runs.
 *
 * <p>Durations are ISO-8601 ({@code "PT30S"}, {@code "PT5M"}, {@code "PT1H"}); the compiler rejects
 * any other spelling. On AWS the timeout becomes the Task's {@code TimeoutSeconds}, and a timed-out
 * attempt fails with {@link ActivityTimeout}.
 *
 * <pre>{@code
 * @Activity(timeout = "PT2M", memoryMb = 1024, retry = @Retry(maxAttempts = 4, initialInterval = "PT2S"))
 * Classification classify(Ticket ticket);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Activity {
  /** How long one attempt may run, as an ISO-8601 duration. Default: five minutes. */
  String timeout() default "PT5M";

  /** How failed attempts are retried. Default: one attempt, no retry. */
  Retry retry() default @Retry;

  /**
   * Memory of the activity's function in megabytes, from 128 to 10240; on AWS Lambda it also sets
   * the CPU share. Default: 512. It is recorded in the deployment manifest for every cloud.
   */
  int memoryMb() default 512;
}
