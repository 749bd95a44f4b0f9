package golden.approval;

import dev.statecraft.api.Callback;

public class ReviewsImpl implements Reviews {
  @Override
  public void requestApproval(String draft, Callback callback) {}

  @Override
  public String publish(String draft) {
    return "published " + draft;
  }
}
