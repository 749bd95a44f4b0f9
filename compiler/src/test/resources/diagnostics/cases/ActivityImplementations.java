package diag;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class ActivityImplementations {
  private final Twice twice = Durable.activities(Twice.class);
  private final Hidden hidden = Durable.activities(Hidden.class);

  @WorkflowMethod
  public String run(String in) {
    return twice.echo(in) + hidden.echo(in);
  }

  @Activities
  // BUG: MULTIPLE_ACTIVITY_IMPLEMENTATIONS 20
  public interface Twice {
    String echo(String in);
  }

  public static class TwiceOne implements Twice {
    @Override
    public String echo(String in) {
      return in;
    }
  }

  public static class TwiceTwo implements Twice {
    @Override
    public String echo(String in) {
      return in + in;
    }
  }

  @Activities
  public interface Hidden {
    String echo(String in);
  }

  // BUG: ACTIVITY_IMPLEMENTATION_CONSTRUCTOR 23
  public static class HiddenImpl implements Hidden {
    private HiddenImpl() {}

    @Override
    public String echo(String in) {
      return in;
    }
  }
}
