package diag;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

@Workflow
public class MisplacedDurable {
  private final Acts acts = Durable.activities(Acts.class);

  @WorkflowMethod
  public String run(String in) {
    // BUG: MISPLACED_DURABLE_CALL 22
    String a = "x" + Durable.map(List.of(in), v -> acts.fetch(v)).size();
    return a;
  }
}
