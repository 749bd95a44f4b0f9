package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

// BUG: INVALID_WORKFLOW_NAME 18
@Workflow(name = "Bad_Name")
public class BadName {
  @WorkflowMethod
  public String run(String in) {
    return in;
  }
}
