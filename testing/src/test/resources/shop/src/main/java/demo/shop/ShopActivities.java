package demo.shop;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.ActivityTimeout;
import dev.statecraft.api.Retry;

@Activities
public interface ShopActivities {
  @Activity(
      timeout = "PT30S",
      retry =
          @Retry(
              maxAttempts = 3,
              initialInterval = "PT1H",
              backoffRate = 2.0,
              retryOn = RateLimited.class))
  Quote price(Order order);

  @Activity(
      timeout = "PT10M",
      retry = @Retry(maxAttempts = 2, initialInterval = "PT1M", retryOn = ActivityTimeout.class))
  String ship(Order order, Quote quote);
}
