package golden.finallyexits;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;

/**
 * return and throw leave a try through its finally: the value is computed first, as in Java, so
 * the finally neither changes it nor loses a local it reads.
 */
@Workflow
public class FinallyExits {
  private final Echo act = Durable.activities(Echo.class);

  @WorkflowMethod
  public String run(String n) {
    String log = "start";
    if (n.equals("a")) {
      String r = act.echo(n);
      try {
        return "got:" + r;
      } finally {
        act.echo("cleanup");
      }
    }
    if (n.equals("b")) {
      try {
        return log + ":" + n;
      } finally {
        log += "+finally";
      }
    }
    try {
      try {
        throw new WorkflowFailure("F", "inner");
      } catch (WorkflowFailure e) {
        throw new WorkflowFailure("F", "log=" + log);
      } finally {
        log += "!";
      }
    } catch (WorkflowFailure e) {
      return e.getMessage() + " then " + log;
    }
  }
}
