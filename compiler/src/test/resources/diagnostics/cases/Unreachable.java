package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class Unreachable {
  @WorkflowMethod
  public String run(String in) {
    if (in.isEmpty()) {
      return "a";
    } else {
      return "b";
    }
    // BUG: UNREACHABLE_CODE 5
    in = in + "c";
  }
}
