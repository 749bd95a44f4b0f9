package golden.switches;

import dev.statecraft.api.Activities;

@Activities
public interface Routing {
  String assign(String team);
}
