package demo.keys;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

/** One model call. */
@Workflow
public class AskModel {
  private final ModelActivities model = Durable.activities(ModelActivities.class);

  @WorkflowMethod
  public String run(String prompt) {
    return "answer: " + model.complete(prompt);
  }
}
