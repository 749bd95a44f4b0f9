package golden.approval;

import dev.statecraft.api.CallbackTimeout;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.time.Duration;

/** Waits for a human's approval through a callback, with a timeout, then sleeps before publishing. */
@Workflow
public class Publish {
  private final Reviews reviews = Durable.activities(Reviews.class);

  @WorkflowMethod
  public String run(String draft) {
    Approval approval;
    try {
      approval = Durable.awaitCallback(Approval.class, Duration.ofHours(24), cb -> reviews.requestApproval(draft, cb));
    } catch (CallbackTimeout e) {
      return "expired";
    }
    if (!approval.approved()) {
      return "rejected by " + approval.by();
    }
    Durable.sleep(Duration.ofMinutes(30));
    return reviews.publish(draft);
  }
}
