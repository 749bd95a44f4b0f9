package dev.statecraft.webhooks;

import java.util.Objects;

/**
 * What an {@link ExecutionStarter} did with a delivery.
 *
 * @param executionArn the execution's ARN, or on hosts without ARNs its id
 * @param alreadyExisted {@code true} when an execution of that name already existed (a redelivered
 *     event): nothing new was started
 */
public record StartedExecution(String executionArn, boolean alreadyExisted) {
  public StartedExecution {
    Objects.requireNonNull(executionArn, "executionArn");
  }

  /** A new execution, {@code executionArn}. */
  public static StartedExecution started(String executionArn) {
    return new StartedExecution(executionArn, false);
  }

  /** An execution that already existed, {@code executionArn}. */
  public static StartedExecution existing(String executionArn) {
    return new StartedExecution(executionArn, true);
  }
}
