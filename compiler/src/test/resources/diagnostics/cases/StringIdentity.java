package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class StringIdentity {
  @WorkflowMethod
  public boolean run(String in) {
    // BUG: REFERENCE_EQUALITY 12
    return in == "admin";
  }
}
