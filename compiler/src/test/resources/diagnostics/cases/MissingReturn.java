package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
// BUG: MISSING_RETURN 14
public class MissingReturn {
  @WorkflowMethod
  public String run(String in) {
    if (in.isEmpty()) {
      return "empty";
    }
  }
}
