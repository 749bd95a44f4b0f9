package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class ThrowOther {
  @WorkflowMethod
  public String run(String in) {
    if (in.isEmpty()) {
      // BUG: UNSUPPORTED_THROW 7
      throw new IllegalArgumentException("empty");
    }
    return in;
  }
}
