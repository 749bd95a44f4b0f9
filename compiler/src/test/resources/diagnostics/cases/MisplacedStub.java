package diag;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class MisplacedStub {
  @WorkflowMethod
  public String run(String in) {
    // BUG: MISPLACED_ACTIVITY_STUB 17
    Acts acts = Durable.activities(Acts.class);
    return in;
  }
}
