package dev.statecraft.llm;

import dev.statecraft.api.Budget;
import dev.statecraft.api.BudgetExceeded;
import java.util.Locale;
import java.util.Objects;

/**
 * An execution's {@link Budget} and what the execution has spent so far. The router checks it
 * before every model call and refuses, with {@link BudgetExceeded}, a call that would start with a
 * budget already spent; a call that starts within the budget may overrun it by its own answer, and
 * the next call is refused.
 *
 * <p>The router keeps no state between activity calls: the usage so far comes with the activity
 * call (from workflow state), so the check holds across activities, retries and resumes on every
 * cloud, without a database.
 *
 * <pre>{@code
 * ExecutionBudget budget = ExecutionBudget.of(ResearchAgent.class).spent(soFar);
 * }</pre>
 *
 * @param tokens most tokens (input plus output) for the execution; {@code 0}: no cap
 * @param usd most US dollars for the execution; {@code 0}: no cap
 * @param used what the execution spent before this point
 */
public record ExecutionBudget(long tokens, double usd, Usage used) {
  /** No caps, nothing spent. */
  public static final ExecutionBudget UNLIMITED = new ExecutionBudget(0, 0, Usage.NONE);

  public ExecutionBudget {
    if (tokens < 0 || usd < 0 || Double.isNaN(usd)) {
      throw new IllegalArgumentException("a budget cannot be negative");
    }
    Objects.requireNonNull(used, "used");
  }

  /** The {@link Budget} declared on {@code workflow}, nothing spent; unlimited when it has none. */
  public static ExecutionBudget of(Class<?> workflow) {
    Budget b = workflow.getAnnotation(Budget.class);
    return b == null ? UNLIMITED : new ExecutionBudget(b.tokens(), b.usd(), Usage.NONE);
  }

  /** This budget with {@code soFar} already spent. */
  public ExecutionBudget spent(Usage soFar) {
    return new ExecutionBudget(tokens, usd, soFar);
  }

  /** This budget with {@code more} spent on top of what was. */
  public ExecutionBudget plus(Usage more) {
    return spent(used.plus(more));
  }

  /**
   * Refuses a call on {@code route} when a cap is reached.
   *
   * @throws BudgetExceeded naming the budget, its limit and what was used
   */
  void check(String route) {
    if (tokens > 0 && used.totalTokens() >= tokens) {
      throw new BudgetExceeded(
          "token budget of "
              + tokens
              + " for this execution is spent: "
              + used.totalTokens()
              + " tokens used; the call on route '"
              + route
              + "' was not made");
    }
    if (usd > 0 && used.usd() >= usd) {
      throw new BudgetExceeded(
          String.format(
              Locale.ROOT,
              "usd budget of $%.4f for this execution is spent: $%.4f used; the call on route '%s'"
                  + " was not made",
              usd,
              used.usd(),
              route));
    }
  }
}
