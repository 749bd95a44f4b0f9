package diag;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class WrongArguments {
  private final Acts acts = Durable.activities(Acts.class);

  @WorkflowMethod
  public String run(String in) {
    // BUG: TYPE_MISMATCH 27
    Item item = acts.load(in);
    // BUG: UNKNOWN_NAME 12
    return acts.store(in);
  }
}
