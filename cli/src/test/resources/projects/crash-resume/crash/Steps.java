package crash;

import dev.statecraft.api.Activities;

@Activities
public interface Steps {
  String step(String name);
}
