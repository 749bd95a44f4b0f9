package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.time.Instant;

@Workflow
public class Clock {
  @WorkflowMethod
  public long run(String in) {
    // BUG: NONDETERMINISTIC_CALL 16
    long now = System.currentTimeMillis();
    // BUG: NONDETERMINISTIC_CALL 25
    String stamp = "" + Instant.now();
    return now;
  }
}
