package dev.statecraft.api;

/**
 * A model call was refused because the execution's {@link Budget} is spent. Thrown inside an
 * activity by the model router; on every cloud the activity fails with the error {@code
 * dev.statecraft.api.BudgetExceeded}, which workflow code catches like any activity exception:
 *
 * <pre>{@code
 * try {
 *   step = act.think(goal, notes);
 * } catch (BudgetExceeded e) {
 *   return Answer.partial(notes, e.getMessage());   // "token budget of 20000 spent: 20412 used"
 * }
 * }</pre>
 *
 * <p>Do not name it in {@link Retry#retryOn()}: a retry is refused again, before any model is
 * called.
 */
public class BudgetExceeded extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which budget ({@code token} or {@code usd}), its limit and what was used
   */
  public BudgetExceeded(String message) {
    super(message);
  }
}
