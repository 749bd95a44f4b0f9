package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class UnknownVariable {
  @WorkflowMethod
  public String run(String in) {
    // BUG: UNKNOWN_NAME 12
    return missing + in;
  }
}
