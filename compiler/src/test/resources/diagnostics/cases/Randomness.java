package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.UUID;

@Workflow
public class Randomness {
  @WorkflowMethod
  public String run(String in) {
    // BUG: NONDETERMINISTIC_CALL 16
    double r = Math.random();
    // BUG: NONDETERMINISTIC_CALL 17
    String id = UUID.randomUUID().toString();
    // BUG: NONDETERMINISTIC_CALL 13
    int n = new java.util.Random().nextInt();
    return in;
  }
}
