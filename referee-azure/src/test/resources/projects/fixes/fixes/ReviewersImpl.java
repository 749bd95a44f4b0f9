package fixes;

import dev.statecraft.api.Callback;

public class ReviewersImpl implements Reviewers {
  @Override
  public void ask(String item, Callback callback) {}
}
