package golden.branches;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;

/** Nested branches, early returns, failures, and code after a join. */
@Workflow(name = "approve-request")
public class ApproveRequest {
  private final ApprovalActivities act = Durable.activities(ApprovalActivities.class);

  @WorkflowMethod
  public Decision run(Request request) {
    if (request.amount() <= 0) {
      throw new WorkflowFailure("InvalidAmount", "amount must be positive, got " + request.amount());
    }
    if (!request.currency().equals("EUR") && !request.currency().equals("USD")) {
      throw new WorkflowFailure("UnsupportedCurrency", request.currency());
    }
    int score = act.riskScore(request);
    String outcome;
    String reviewer = "none";
    if (score < 10) {
      outcome = "approved";
    } else {
      reviewer = act.assignReviewer(request, score);
      if (score > 90) {
        act.audit(request.user(), "rejected");
        return new Decision("rejected", reviewer, score);
      }
      outcome = "review";
      score += 1;
    }
    act.audit(request.user(), outcome);
    return new Decision(outcome, reviewer, score);
  }
}
