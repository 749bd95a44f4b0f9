package diag;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class OverloadedActivity {
  private final Lookup lookup = Durable.activities(Lookup.class);

  @WorkflowMethod
  public String run(String in) {
    return lookup.find(in);
  }

  @Activities
  public interface Lookup {
    String find(String key);

    // BUG: OVERLOADED_ACTIVITY 12
    String find(int id);
  }

  public static class LookupImpl implements Lookup {
    @Override
    public String find(String key) {
      return key;
    }

    @Override
    public String find(int id) {
      return "#" + id;
    }
  }
}
