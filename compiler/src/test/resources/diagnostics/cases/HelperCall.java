package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class HelperCall {
  @WorkflowMethod
  public String run(String in) {
    // BUG: UNSUPPORTED_CALL 12
    return helper(in);
  }

  private String helper(String s) {
    return s + s;
  }
}
