package golden.rankings;

import dev.statecraft.api.Activities;

@Activities
public interface Notes {
  int weight(String name);
}
