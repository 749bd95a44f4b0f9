package golden.finallyexits;

import dev.statecraft.api.Activities;

@Activities
public interface Echo {
  String echo(String s);
}
