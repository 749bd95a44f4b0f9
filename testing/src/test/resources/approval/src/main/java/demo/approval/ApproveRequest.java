package demo.approval;

import dev.statecraft.api.CallbackTimeout;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;
import java.time.Duration;

/**
 * Reserves stock, asks a manager through a callback (24 hours to answer), waits out a six-hour
 * cooling-off period, and ships.
 */
@Workflow
public class ApproveRequest {
  private final ApprovalActivities acts = Durable.activities(ApprovalActivities.class);

  @WorkflowMethod
  public Decision run(Request request) {
    String reservation;
    try {
      reservation = acts.reserve(request.sku(), request.amount());
    } catch (OutOfStock e) {
      return new Decision(request.id(), "out of stock: " + e.getMessage(), "");
    }
    Approval approval;
    try {
      approval =
          Durable.awaitCallback(
              Approval.class, Duration.ofHours(24), cb -> acts.requestApproval(request, cb));
    } catch (CallbackTimeout e) {
      return new Decision(request.id(), "expired", "");
    }
    if (!approval.approved()) {
      throw new WorkflowFailure("Rejected", request.id() + " rejected by " + approval.by());
    }
    Durable.sleep(Duration.ofHours(6));
    return new Decision(request.id(), "approved by " + approval.by(), acts.ship(reservation));
  }
}
