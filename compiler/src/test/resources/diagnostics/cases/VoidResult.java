package diag;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class VoidResult {
  private final Acts acts = Durable.activities(Acts.class);

  @WorkflowMethod
  public String run(String in) {
    // BUG: VOID_RESULT 18
    var logged = acts.log(in);
    return in;
  }
}
