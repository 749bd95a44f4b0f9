package dev.statecraft.bench.cost.iterateloop;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

/** AWS docs pattern "iterate a loop using Lambda": count up to a limit, doing work each time. */
@Workflow
public class IterateLoop {
  private final Worker worker = Durable.activities(Worker.class);

  @WorkflowMethod
  public int run(int count) {
    int total = 0;
    for (int index = 0; index < count; index++) {
      total += worker.work(index);
    }
    return total;
  }
}
