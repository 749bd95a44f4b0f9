package fixes;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

/** Durable.map over an activity that runs past its timeout. */
@Workflow
public class Slow {
  private final Shop shop = Durable.activities(Shop.class);

  @WorkflowMethod
  public List<String> run(Order order) {
    return Durable.map(order.items(), shop::slow);
  }
}
