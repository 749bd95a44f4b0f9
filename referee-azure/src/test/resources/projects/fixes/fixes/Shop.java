package fixes;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.Retry;

@Activities
public interface Shop {
  /** Busy twice per item, then answers: needs its retries. */
  @Activity(
      timeout = "PT30S",
      retry = @Retry(maxAttempts = 3, initialInterval = "PT1S", retryOn = Busy.class))
  String price(String item);

  /** Takes two seconds, over its timeout. */
  @Activity(timeout = "PT0.5S")
  String slow(String item);
}
