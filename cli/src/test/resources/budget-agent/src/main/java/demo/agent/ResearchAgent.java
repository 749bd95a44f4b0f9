package demo.agent;

import dev.statecraft.api.Budget;
import dev.statecraft.api.BudgetExceeded;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.time.Duration;

/**
 * An agent loop with no end of its own: only its budget stops it. The running usage is workflow
 * state, so it survives a stop and a resume (the pause after the second step).
 */
@Workflow
@Budget(tokens = 100)
public class ResearchAgent {
  private final AgentActivities act = Durable.activities(AgentActivities.class);

  @WorkflowMethod
  public Report run(Goal goal) {
    long tokens = 0;
    double usd = 0;
    int steps = 0;
    String notes = "";
    while (true) {
      Step s;
      try {
        s = act.think(goal, steps, tokens, usd);
      } catch (BudgetExceeded e) {
        return new Report(goal.question(), steps, tokens, notes, e.getMessage());
      }
      tokens = s.tokensSoFar();
      usd = s.usdSoFar();
      steps = steps + 1;
      notes = notes + s.note() + "; ";
      if (steps == 2) {
        Durable.sleep(Duration.ofSeconds(3));
      }
    }
  }
}
