package golden.trycatch;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;

@Activities
public interface Models {
  @Activity(timeout = "PT30S")
  String strong(String prompt);

  String cheap(String prompt);

  void record(String event);
}
