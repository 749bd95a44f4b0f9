package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class ReservedError {
  @WorkflowMethod
  public String run(String in) {
    if (in.isEmpty()) {
      // BUG: RESERVED_ERROR_NAME 33
      throw new WorkflowFailure("States.Timeout", "empty");
    }
    return in;
  }
}
