package demo.approval;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Callback;

@Activities
public interface ApprovalActivities {
  String reserve(String sku, int amount);

  void requestApproval(Request request, Callback callback);

  String ship(String reservation);
}
