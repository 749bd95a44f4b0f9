package golden.children;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;

/** Calls another workflow as a child execution, and catches its failure. */
@Workflow
public class Localize {
  @WorkflowMethod
  public String run(String text) {
    String french = new Translate().run(new Request(text, "fr"));
    String none;
    try {
      none = new Translate().run(new Request(text, ""));
    } catch (WorkflowFailure e) {
      none = "failed";
    }
    String loud = new Shout().run(french);
    String done = new Shout().run("done");
    return loud + " / " + none + " / " + done;
  }
}
