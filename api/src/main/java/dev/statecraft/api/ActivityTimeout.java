package dev.statecraft.api;

/**
 * An activity attempt ran longer than its {@link Activity#timeout()}. Name it in {@link
 * Retry#retryOn()} to retry timed-out attempts, or catch it in workflow code once retries are
 * spent.
 *
 * <pre>{@code
 * try {
 *   reply = act.answer(ticket);
 * } catch (ActivityTimeout e) {
 *   reply = Reply.fallback();
 * }
 * }</pre>
 *
 * <p>On AWS this is the {@code States.Timeout} error.
 */
public class ActivityTimeout extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what timed out
   */
  public ActivityTimeout(String message) {
    super(message);
  }
}
