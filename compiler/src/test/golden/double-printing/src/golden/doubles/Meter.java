package golden.doubles;

import dev.statecraft.api.Activities;

@Activities
public interface Meter {
  double read(double x);
}
