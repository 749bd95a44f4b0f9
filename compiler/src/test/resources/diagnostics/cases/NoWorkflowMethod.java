package diag;

import dev.statecraft.api.Workflow;

@Workflow
// BUG: MISSING_WORKFLOW_METHOD 14
public class NoWorkflowMethod {
  public String run(String in) {
    return in;
  }
}
