package dev.statecraft.testing;

import demo.shop.Order;
import demo.shop.Quote;
import demo.shop.ShopActivities;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** A scripted {@link ShopActivities}: each method fails with the given exceptions, then answers. */
final class FakeShop implements ShopActivities {
  private final Deque<RuntimeException> priceFailures = new ArrayDeque<>();
  private final Deque<RuntimeException> shipFailures = new ArrayDeque<>();

  FakeShop failPricing(RuntimeException... failures) {
    priceFailures.addAll(Arrays.asList(failures));
    return this;
  }

  FakeShop failShipping(RuntimeException... failures) {
    shipFailures.addAll(Arrays.asList(failures));
    return this;
  }

  @Override
  public synchronized Quote price(Order order) {
    if (!priceFailures.isEmpty()) {
      throw priceFailures.poll();
    }
    return new Quote(9.5 * order.quantity(), "EUR");
  }

  @Override
  public synchronized String ship(Order order, Quote quote) {
    if (!shipFailures.isEmpty()) {
      throw shipFailures.poll();
    }
    return "T-" + order.id();
  }
}
