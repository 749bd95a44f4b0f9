package golden.throwing;

import dev.statecraft.api.Activities;

@Activities
public interface Counter {
  int count(int n);
}
