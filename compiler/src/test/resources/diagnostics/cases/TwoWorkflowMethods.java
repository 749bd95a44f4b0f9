package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class TwoWorkflowMethods {
  @WorkflowMethod
  public String run(String in) {
    return in;
  }

  @WorkflowMethod
  // BUG: MULTIPLE_WORKFLOW_METHODS 17
  public String again(String in) {
    return in;
  }
}
