package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class Mismatch {
  @WorkflowMethod
  public int run(String in) {
    // BUG: TYPE_MISMATCH 13
    int n = "seven";
    // BUG: TYPE_MISMATCH 13
    int m = 2.5;
    return n;
  }
}
