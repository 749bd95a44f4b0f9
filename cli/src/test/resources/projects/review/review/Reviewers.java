package review;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Callback;

@Activities
public interface Reviewers {
  void ask(String draft, Callback callback);

  String stamp(boolean approved, String what);
}
