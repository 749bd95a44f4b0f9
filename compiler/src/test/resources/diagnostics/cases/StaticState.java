package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class StaticState {
  // BUG: STATIC_MUTABLE_STATE 22
  private static int counter = 0;

  @WorkflowMethod
  public int run(String in) {
    return in.length();
  }
}
