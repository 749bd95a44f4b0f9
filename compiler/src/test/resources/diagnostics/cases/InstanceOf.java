package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class InstanceOf {
  @WorkflowMethod
  public boolean run(String in) {
    // BUG: UNSUPPORTED_EXPRESSION 22
    boolean isText = in instanceof String;
    // BUG: UNSUPPORTED_EXPRESSION 13
    int y = in.length() & 1;
    int x = 1;
    // BUG: UNSUPPORTED_EXPRESSION 13
    int z = x++;
    return isText;
  }
}
