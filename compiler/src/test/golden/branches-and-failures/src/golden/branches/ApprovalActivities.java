package golden.branches;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.ActivityTimeout;
import dev.statecraft.api.Retry;

@Activities
public interface ApprovalActivities {
  @Activity(timeout = "PT10S")
  int riskScore(Request request);

  @Activity(timeout = "PT15M", retry = @Retry(maxAttempts = 5, initialInterval = "PT0.5S", backoffRate = 1.5, maxInterval = "PT1M", retryOn = {ReviewerBusy.class, ActivityTimeout.class}))
  String assignReviewer(Request request, int score);

  void audit(String user, String outcome);
}
