package diag;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class CharsAndCaughtNames {
  private final Acts acts = Durable.activities(Acts.class);

  @WorkflowMethod
  public String run(String in) {
    // BUG: UNSUPPORTED_CALL 35
    String first = String.valueOf(in.charAt(0));
    try {
      acts.log(in);
    } catch (WorkflowFailure e) {
      // BUG: UNSUPPORTED_EXPRESSION 14
      return e.error() + e.cause();
    }
    return in + first;
  }
}
