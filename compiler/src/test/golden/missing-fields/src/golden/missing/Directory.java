package golden.missing;

import dev.statecraft.api.Activities;

@Activities
public interface Directory {
  String owner(String repo);
}
