package demo.agent;

import dev.statecraft.llm.Answer;
import dev.statecraft.llm.ExecutionBudget;
import dev.statecraft.llm.LlmRouter;
import dev.statecraft.llm.Usage;

public class AgentActivitiesImpl implements AgentActivities {
  private static LlmRouter router;

  private static synchronized LlmRouter router() {
    if (router == null) {
      router = LlmRouter.fromProject(AgentActivitiesImpl.class);
    }
    return router;
  }

  @Override
  public Step think(Goal goal, int step, long tokensSoFar, double usdSoFar) {
    LlmRouter.Session s =
        router()
            .session(
                ExecutionBudget.of(ResearchAgent.class)
                    .spent(new Usage(tokensSoFar, 0, usdSoFar)));
    Answer a = s.chat("reasoning", "Research the question.", "step " + step + ": " + goal.question());
    return new Step(
        "step " + step + " by " + a.modelName(),
        a.choice().model(),
        s.total().totalTokens(),
        s.total().usd());
  }
}
