package diag;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class Unimplemented {
  private final Orphans orphans = Durable.activities(Orphans.class);

  @WorkflowMethod
  public String run(String in) {
    return orphans.echo(in);
  }
}

@Activities
// BUG: MISSING_ACTIVITY_IMPLEMENTATION 11
interface Orphans {
  String echo(String in);
}
