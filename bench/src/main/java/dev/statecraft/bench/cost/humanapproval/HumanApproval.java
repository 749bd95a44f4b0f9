package dev.statecraft.bench.cost.humanapproval;

import dev.statecraft.api.CallbackTimeout;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.time.Duration;

/**
 * AWS docs pattern "human approval": send a request carrying a task token, wait for the answer (or
 * a timeout), then act on it.
 */
@Workflow
public class HumanApproval {
  private final Approvals approvals = Durable.activities(Approvals.class);

  @WorkflowMethod
  public String run(String request) {
    Decision decision;
    try {
      decision =
          Durable.awaitCallback(
              Decision.class, Duration.ofHours(24), cb -> approvals.askApprover(request, cb));
    } catch (CallbackTimeout e) {
      return "timed out";
    }
    if (!decision.approved()) {
      return "rejected by " + decision.by();
    }
    return approvals.carryOut(request);
  }
}
