package diag;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.Retry;

@Activities
public interface BadActivityAnnotations {
  // BUG: INVALID_DURATION 23
  @Activity(timeout = "5 minutes")
  String slow(String in);

  // BUG: INVALID_RETRY 42
  @Activity(retry = @Retry(maxAttempts = 0))
  String never(String in);

  // BUG: INVALID_RETRY 59
  @Activity(retry = @Retry(maxAttempts = 3, backoffRate = 0.5))
  String shrinking(String in);
}
