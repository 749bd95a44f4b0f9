package dev.statecraft.api;

import java.time.Duration;

/**
 * Nobody answered a {@link Durable#awaitCallback(Class, Duration, java.util.function.Consumer)}
 * within its timeout.
 *
 * <pre>{@code
 * try {
 *   approval = Durable.awaitCallback(Approval.class, Duration.ofHours(24), cb -> act.ask(cb));
 * } catch (CallbackTimeout e) {
 *   approval = Approval.rejected("no answer in 24 hours");
 * }
 * }</pre>
 */
public class CallbackTimeout extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which wait timed out
   */
  public CallbackTimeout(String message) {
    super(message);
  }
}
