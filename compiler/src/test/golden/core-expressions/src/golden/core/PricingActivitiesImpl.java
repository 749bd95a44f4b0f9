package golden.core;

public class PricingActivitiesImpl implements PricingActivities {
  @Override
  public int discountPercent(Customer customer) {
    return customer.vip() ? 15 : 0;
  }
}
