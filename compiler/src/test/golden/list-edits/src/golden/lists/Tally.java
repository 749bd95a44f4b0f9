package golden.lists;

import dev.statecraft.api.Activities;

@Activities
public interface Tally {
  void seen(String what);
}
