package demo.approval;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

/** Runs one child workflow per request, one after another, and reserves a spare of each sku. */
@Workflow
public class ApproveAll {
  private final ApprovalActivities acts = Durable.activities(ApprovalActivities.class);

  @WorkflowMethod
  public List<String> run(List<Request> requests) {
    List<String> spares = Durable.map(requests, r -> acts.reserve(r.sku(), 1));
    Decision first = new ApproveRequest().run(requests.get(0));
    return List.of(first.status(), spares.get(0));
  }
}
