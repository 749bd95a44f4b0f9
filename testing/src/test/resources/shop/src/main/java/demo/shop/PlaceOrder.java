package demo.shop;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;

/** Prices an order (retrying rate limits, an hour apart) and ships express orders at once. */
@Workflow
public class PlaceOrder {
  private final ShopActivities shop = Durable.activities(ShopActivities.class);

  @WorkflowMethod
  public Receipt run(Order order) {
    if (order.quantity() <= 0) {
      throw new WorkflowFailure("InvalidOrder", "order " + order.id() + " has no items");
    }
    Quote quote = shop.price(order);
    String tracking;
    if (order.express()) {
      tracking = shop.ship(order, quote);
    } else {
      tracking = "standard for " + Durable.executionId();
    }
    return new Receipt(order.id(), "placed", quote.amount(), tracking);
  }
}
