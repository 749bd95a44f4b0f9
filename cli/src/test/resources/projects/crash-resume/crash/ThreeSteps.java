package crash;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class ThreeSteps {
  private final Steps steps = Durable.activities(Steps.class);

  @WorkflowMethod
  public String run(String prefix) {
    String a = steps.step("one");
    String b = steps.step("two");
    String c = steps.step("three");
    return prefix + a + "-" + b + "-" + c;
  }
}
