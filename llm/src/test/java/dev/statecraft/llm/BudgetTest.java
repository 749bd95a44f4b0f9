package dev.statecraft.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statecraft.api.Budget;
import dev.statecraft.api.BudgetExceeded;
import dev.statecraft.llm.ProviderStub.Wire;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Budgets hold across activity invocations because the usage so far comes in with each invocation,
 * never from the router's memory: a new router (a cold start, a resumed execution on another
 * machine) given the execution's usage refuses as the old one would.
 */
class BudgetTest {
  @Budget(tokens = 4_000, usd = 1.0)
  static final class TokenCapped {}

  @Budget(usd = 0.0025)
  static final class DollarCapped {}

  static final class Uncapped {}

  private ProviderStub openai;

  @BeforeEach
  void stub() throws Exception {
    // gpt-4o: $2.50 in, $10 out per million; each answer 1,000 in + 500 out = $0.0075.
    openai = new ProviderStub(Wire.OPENAI).usage("gpt-4o-2024-08-06", 1000, 500);
    for (int i = 0; i < 10; i++) {
      openai.answer("step " + i);
    }
  }

  @AfterEach
  void stop() {
    openai.close();
  }

  private LlmRouter router() {
    RouterConfig config =
        RouterConfig.parse(
            "{\"routes\": {\"reasoning\": [\"openai:gpt-4o\"]},"
                + " \"providers\": {\"openai\": {\"baseUrl\": \""
                + openai.baseUrl()
                + "\"}}}",
            Map.of());
    return LlmRouter.builder(config).secrets(Map.of("OPENAI_API_KEY", "sk-test")).build();
  }

  /** One activity invocation of an agent loop: one model call, the running usage out. */
  private static Usage activity(LlmRouter router, Class<?> workflow, Usage soFar) {
    LlmRouter.Session s = router.session(ExecutionBudget.of(workflow).spent(soFar));
    s.chat("reasoning", "Think.", "next step");
    return s.total();
  }

  @Test
  void theBudgetIsReadFromTheWorkflowClass() {
    assertEquals(
        new ExecutionBudget(4_000, 1.0, Usage.NONE), ExecutionBudget.of(TokenCapped.class));
    assertEquals(ExecutionBudget.UNLIMITED, ExecutionBudget.of(Uncapped.class));
  }

  @Test
  void aTokenBudgetStopsARunawayLoopAcrossActivities() {
    LlmRouter router = router();
    Usage running = Usage.NONE;
    int steps = 0;
    BudgetExceeded stop = null;
    while (stop == null) {
      try {
        running = activity(router, TokenCapped.class, running);
        steps++;
      } catch (BudgetExceeded e) {
        stop = e;
      }
    }
    // 1,500 tokens a step: steps 1-3 start under 4,000; the fourth starts at 4,500 and is refused.
    assertEquals(3, steps);
    assertEquals(3, openai.requests().size(), "the refused call never reached the model");
    assertEquals(4_500, running.totalTokens());
    assertEquals(
        "token budget of 4000 for this execution is spent: 4500 tokens used; the call on route"
            + " 'reasoning' was not made",
        stop.getMessage());
  }

  @Test
  void aDollarBudgetCountsThePriceTable() {
    LlmRouter router = router();
    Usage one = activity(router, DollarCapped.class, Usage.NONE);
    assertEquals(0.0075, one.usd(), 1e-12);
    BudgetExceeded e =
        assertThrows(BudgetExceeded.class, () -> activity(router, DollarCapped.class, one));
    assertEquals(
        "usd budget of $0.0025 for this execution is spent: $0.0075 used; the call on route"
            + " 'reasoning' was not made",
        e.getMessage());
  }

  @Test
  void aResumedExecutionOnAFreshRouterIsStoppedByTheUsageItCarries() {
    Usage beforeTheCrash = activity(router(), TokenCapped.class, Usage.NONE);
    beforeTheCrash = activity(router(), TokenCapped.class, beforeTheCrash);
    beforeTheCrash = activity(router(), TokenCapped.class, beforeTheCrash);
    Usage carried = beforeTheCrash;

    LlmRouter afterTheResume = router(); // new process: no memory of the execution
    assertThrows(BudgetExceeded.class, () -> activity(afterTheResume, TokenCapped.class, carried));
    assertEquals(3, openai.requests().size());
  }

  @Test
  void callsWithinOneActivityCountTowardsTheBudgetToo() {
    LlmRouter.Session s =
        router().session(ExecutionBudget.of(TokenCapped.class).spent(new Usage(2_000, 0, 0)));
    s.chat("reasoning", "Think.", "one");
    s.chat("reasoning", "Think.", "two");
    assertThrows(BudgetExceeded.class, () -> s.chat("reasoning", "Think.", "three"));
    assertEquals(new Usage(2_000, 1_000, 0.015), s.used());
    assertEquals(5_000, s.total().totalTokens());
    assertEquals(2, s.choices().size());
  }

  @Test
  void aRetriedInvocationGetsTheSameUsageAndSoTheSameAnswer() {
    LlmRouter router = router();
    Usage spent = new Usage(3_900, 0, 0);
    Usage first = activity(router, TokenCapped.class, spent); // starts under the cap
    // A retry of the next step carries the same running usage, whichever attempt it is.
    assertThrows(BudgetExceeded.class, () -> activity(router, TokenCapped.class, first));
    assertThrows(BudgetExceeded.class, () -> activity(router, TokenCapped.class, first));
    assertEquals(1, openai.requests().size());
  }
}
