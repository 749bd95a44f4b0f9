package golden.shortcircuit;

import dev.statecraft.api.Activities;

@Activities
public interface Checks {
  boolean isAllowed(String user);

  int quota(String user);
}
