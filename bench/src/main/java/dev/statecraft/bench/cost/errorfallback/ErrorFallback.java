package dev.statecraft.bench.cost.errorfallback;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

/** AWS docs pattern "handle errors with Catch": a task whose custom error falls back to another. */
@Workflow
public class ErrorFallback {
  private final Greeter greeter = Durable.activities(Greeter.class);

  @WorkflowMethod
  public String run(String name) {
    try {
      return greeter.greet(name);
    } catch (CustomError e) {
      return greeter.fallback(name, e.getMessage());
    }
  }
}
