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
    // Inside expressions, too: each runs as a child execution, left to right, and the one behind
    // the ternary only when Java would run it.
    String both = new Shout().run("a") + "+" + new Shout().run(text);
    String maybe = text.isEmpty() ? new Shout().run("empty") : "kept";
    return loud + " / " + none + " / " + done + " / " + both + " / " + maybe;
  }
}
