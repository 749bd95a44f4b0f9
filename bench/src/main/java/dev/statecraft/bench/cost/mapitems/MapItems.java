package dev.statecraft.bench.cost.mapitems;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

/** AWS docs pattern "Map state": run the same task on every item of the input, 5 at a time. */
@Workflow
public class MapItems {
  private final Shipping shipping = Durable.activities(Shipping.class);

  @WorkflowMethod
  public List<String> run(Order order) {
    return Durable.map(order.items(), 5, item -> shipping.ship(order.id(), item));
  }
}
