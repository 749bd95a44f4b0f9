package diag;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class InstanceField {
  private final Acts acts = Durable.activities(Acts.class);
  // BUG: INVALID_WORKFLOW_FIELD 15
  private int count;
  // BUG: INVALID_WORKFLOW_FIELD 22
  private final Acts other = new ActsImpl();

  @WorkflowMethod
  public String run(String in) {
    return acts.fetch(in);
  }
}
