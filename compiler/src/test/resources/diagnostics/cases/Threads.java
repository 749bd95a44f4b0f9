package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class Threads {
  @WorkflowMethod
  public String run(String in) {
    // BUG: THREADS_IN_WORKFLOW 5
    synchronized (this) {
      in = in + "!";
    }
    // BUG: THREADS_IN_WORKFLOW 5
    Thread.sleep(1000);
    return in;
  }
}
