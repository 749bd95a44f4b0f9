package fixes;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Pair;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

/** Durable.map and Durable.parallel over single calls of an activity that needs its retries. */
@Workflow
public class Pricing {
  private final Shop shop = Durable.activities(Shop.class);

  @WorkflowMethod
  public String run(Order order) {
    List<String> prices = Durable.map(order.items(), shop::price);
    Pair<String, String> pair = Durable.parallel(() -> shop.price("p"), () -> shop.price("q"));
    return order.id() + ":" + String.join(",", prices) + ";" + pair.first() + "," + pair.second();
  }
}
