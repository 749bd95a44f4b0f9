package golden.strings;

import dev.statecraft.api.Activities;

@Activities
public interface Notes {
  void note(String text);
}
