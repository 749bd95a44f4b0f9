package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow(name = "same-name")
public class DuplicateWorkflowName {
  @WorkflowMethod
  public String run(String in) {
    return in;
  }

  @Workflow(name = "same-name")
  // BUG: DUPLICATE_WORKFLOW_NAME 23
  public static class Again {
    @WorkflowMethod
    public String run(String in) {
      return in + "!";
    }
  }
}
