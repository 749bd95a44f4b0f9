package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class ArrayInput {
  @WorkflowMethod
  // BUG: UNSUPPORTED_TYPE 21
  public String run(String[] in) {
    return in[0];
  }
}
