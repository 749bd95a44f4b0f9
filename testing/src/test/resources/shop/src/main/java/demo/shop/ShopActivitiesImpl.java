package demo.shop;

/** The production implementation; tests replace it with fakes. */
public class ShopActivitiesImpl implements ShopActivities {
  @Override
  public Quote price(Order order) {
    return new Quote(9.5 * order.quantity(), "EUR");
  }

  @Override
  public String ship(Order order, Quote quote) {
    return "T-" + order.id();
  }
}
