package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class ArrayStore {
  @WorkflowMethod
  public String run(String in) {
    String[] parts = in.split(",");
    // BUG: UNSUPPORTED_EXPRESSION 5
    parts[0] = "x";
    // BUG: UNSUPPORTED_EXPRESSION 22
    String[] fresh = new String[2];
    return parts[0] + parts.length;
  }
}
