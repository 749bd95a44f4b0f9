package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class Uninitialized {
  @WorkflowMethod
  public String run(String in) {
    String label;
    if (in.isEmpty()) {
      label = "empty";
    }
    // BUG: UNINITIALIZED_VARIABLE 5
    return label;
  }
}
