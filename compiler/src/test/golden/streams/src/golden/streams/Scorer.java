package golden.streams;

import dev.statecraft.api.Activities;

@Activities
public interface Scorer {
  int score(String title);

  void note(String title);
}
