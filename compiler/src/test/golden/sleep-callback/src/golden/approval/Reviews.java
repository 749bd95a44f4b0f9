package golden.approval;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Callback;

@Activities
public interface Reviews {
  void requestApproval(String draft, Callback callback);

  String publish(String draft);
}
