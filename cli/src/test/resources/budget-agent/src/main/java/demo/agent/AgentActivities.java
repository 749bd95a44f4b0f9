package demo.agent;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.Secret;

@Activities
@Secret("BUDGET_AGENT_NEVER_SET_KEY")
public interface AgentActivities {
  /** One step of thought; the usage so far comes in and the running usage goes out. */
  @Activity(timeout = "PT30S")
  Step think(Goal goal, int step, long tokensSoFar, double usdSoFar);
}
