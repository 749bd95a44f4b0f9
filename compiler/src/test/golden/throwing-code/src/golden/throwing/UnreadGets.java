package golden.throwing;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

/** Reads out of range throw where Java throws, though nothing reads what they read. */
@Workflow
public class UnreadGets {
  private final Counter counter = Durable.activities(Counter.class);

  @WorkflowMethod
  public String run(List<String> in) {
    String first = in.get(1); // before the activity: it must not run
    first = "unread";
    int n = counter.count(in.size());
    String again = in.get(n); // never read, and overwritten
    again = "again";
    return first + again + n;
  }
}
