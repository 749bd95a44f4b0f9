package golden.voids;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

/** No input, no output: a void workflow ends with null. */
@Workflow
public class Heartbeat {
  private final Notifier notifier = Durable.activities(Notifier.class);

  @WorkflowMethod
  public void beat() {
    if (notifier.status().equals("ok")) {
      notifier.ping("alive " + Durable.executionId());
    }
  }
}
