package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class ArrayConcat {
  @WorkflowMethod
  public String run(String in) {
    String[] parts = in.split(",");
    // BUG: UNSUPPORTED_EXPRESSION 31
    String shown = "parts=" + parts;
    String log = "";
    // BUG: UNSUPPORTED_EXPRESSION 12
    log += parts;
    return shown + log + String.join(", ", parts) + parts.length;
  }
}
