package golden.core;

import dev.statecraft.api.Activities;

@Activities
public interface PricingActivities {
  int discountPercent(Customer customer);
}
