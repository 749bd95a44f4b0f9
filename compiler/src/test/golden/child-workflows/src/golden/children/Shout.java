package golden.children;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

/** A child workflow whose input is a plain string. */
@Workflow
public class Shout {
  private final Texts texts = Durable.activities(Texts.class);

  @WorkflowMethod
  public String run(String text) {
    return texts.shout(text);
  }
}
