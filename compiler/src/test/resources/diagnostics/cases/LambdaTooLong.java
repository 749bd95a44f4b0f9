package diag;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
// BUG: TARGET_LIMIT 14
public class LambdaTooLong {
  private final Slow slow = Durable.activities(Slow.class);

  @WorkflowMethod
  public String run(String in) {
    return slow.crunch(in);
  }

  @Activities
  public interface Slow {
    @Activity(timeout = "PT20M")
    String crunch(String in);
  }

  public static class SlowImpl implements Slow {
    @Override
    public String crunch(String in) {
      return in;
    }
  }
}
