package demo.approval;

import dev.statecraft.api.Callback;

/** The production implementation; tests replace it with fakes. */
public class ApprovalActivitiesImpl implements ApprovalActivities {
  @Override
  public String reserve(String sku, int amount) {
    return "R-" + sku;
  }

  @Override
  public void requestApproval(Request request, Callback callback) {}

  @Override
  public String ship(String reservation) {
    return "S-" + reservation;
  }
}
