package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class TwoParameters {
  @WorkflowMethod
  // BUG: INVALID_WORKFLOW_METHOD 17
  public String run(String a, String b) {
    return a + b;
  }
}
