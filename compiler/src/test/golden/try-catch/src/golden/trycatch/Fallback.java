package golden.trycatch;

import dev.statecraft.api.ActivityTimeout;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;

/** try/catch/finally around activities: fallbacks by exception type, timeouts, rethrow. */
@Workflow
public class Fallback {
  private final Models models = Durable.activities(Models.class);

  @WorkflowMethod
  public String run(String prompt) {
    String answer;
    String note = "";
    try {
      answer = models.strong(prompt);
    } catch (RateLimited e) {
      note = "rate limited: " + e.getMessage();
      answer = models.cheap(prompt);
    } catch (ActivityTimeout e) {
      answer = "timed out";
    } finally {
      models.record("answered " + prompt);
    }
    try {
      if (answer.isEmpty()) {
        throw new WorkflowFailure("EmptyAnswer", "no answer for " + prompt);
      }
    } catch (WorkflowFailure e) {
      answer = "fallback";
    }
    try {
      models.record(answer);
    } catch (Exception e) {
      throw e;
    }
    return answer + note;
  }
}
