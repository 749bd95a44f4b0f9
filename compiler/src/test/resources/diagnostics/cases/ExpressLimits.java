package diag;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.Callback;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import dev.statecraft.api.WorkflowType;
import java.time.Duration;

@Workflow(type = WorkflowType.EXPRESS)
// WARNING: EXPRESS_UNSUPPORTED 14
public class ExpressLimits {
  private final Router router = Durable.activities(Router.class);

  @WorkflowMethod
  public String run(String text) {
    String label = router.classify(text);
    Durable.sleep(Duration.ofMinutes(1));
    // BUG: EXPRESS_UNSUPPORTED 5
    Durable.sleep(Duration.ofMinutes(10));
    // BUG: EXPRESS_UNSUPPORTED 17
    String ok = Durable.awaitCallback(String.class, Duration.ofHours(1), cb -> router.ask(text, cb));
    // BUG: EXPRESS_UNSUPPORTED 20
    String child = new Helper().run(label);
    return label + ok + child;
  }

  @Workflow
  public static class Helper {
    @WorkflowMethod
    public String run(String in) {
      return in + "!";
    }
  }

  @Activities
  public interface Router {
    String classify(String text);

    @Activity(timeout = "PT10M")
    void ask(String text, Callback cb);
  }

  public static class RouterImpl implements Router {
    @Override
    public String classify(String text) {
      return text;
    }

    @Override
    public void ask(String text, Callback cb) {}
  }
}
