package golden.loops;

import dev.statecraft.api.Activities;

@Activities
public interface Counter {
  int score(String item);

  boolean more(int round);
}
