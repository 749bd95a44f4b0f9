package diag;

import dev.statecraft.api.Activities;

// BUG: ACTIVITIES_NOT_INTERFACE 1
@Activities
public class ActivitiesOnClass {
  public String echo(String in) {
    return in;
  }
}
