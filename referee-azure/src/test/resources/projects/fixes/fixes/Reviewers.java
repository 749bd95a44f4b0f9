package fixes;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Callback;

@Activities
public interface Reviewers {
  /** Hands the callback to a reviewer. */
  void ask(String item, Callback callback);
}
