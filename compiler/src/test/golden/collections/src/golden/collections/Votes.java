package golden.collections;

import dev.statecraft.api.Activities;

@Activities
public interface Votes {
  String classify(String text);
}
