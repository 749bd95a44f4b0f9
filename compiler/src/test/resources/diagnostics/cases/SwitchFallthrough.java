package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class SwitchFallthrough {
  @WorkflowMethod
  public int run(String in) {
    int x = 0;
    switch (in) {
      // BUG: SWITCH_FALLTHROUGH 7
      case "a":
        x = 1;
      case "b":
        x = 2;
        break;
      default:
        x = 3;
    }
    return x;
  }
}
