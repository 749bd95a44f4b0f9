package golden.text;

import dev.statecraft.api.Activities;

@Activities
public interface Model {
  String complete(String prompt);
}
