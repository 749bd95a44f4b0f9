package diag;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Retry;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

@Workflow
public class GcpLimits {
  private final Backoff backoff = Durable.activities(Backoff.class);

  @WorkflowMethod
  public int run(List<String> in) {
    // WARNING: TARGET_LIMIT 24
    List<String> all = Durable.map(in, 200, v -> backoff.shout(v));
    // WARNING: TARGET_LIMIT 12
    return backoff.count(all);
  }

  @Activities
  public interface Backoff {
    String shout(String in);

    @Activity(retry = @Retry(maxAttempts = 3, backoffRate = 1.5))
    int count(List<String> all);
  }

  public static class BackoffImpl implements Backoff {
    @Override
    public String shout(String in) {
      return in.toUpperCase();
    }

    @Override
    public int count(List<String> all) {
      return all.size();
    }
  }
}
