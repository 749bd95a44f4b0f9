package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class JavaSyntax {
  @WorkflowMethod
  public String run(String in) {
    // BUG: JAVA_SYNTAX 22
    String s = "x" + in
    return s;
  }
}
