package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class FloatsAndArrays {
  @WorkflowMethod
  public String run(String in) {
    // BUG: UNSUPPORTED_TYPE 5
    float f = 1.5f;
    // BUG: UNSUPPORTED_TYPE 5
    int[][] grid = null;
    return in;
  }
}
