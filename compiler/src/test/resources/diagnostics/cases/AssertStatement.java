package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class AssertStatement {
  @WorkflowMethod
  public String run(String in) {
    // BUG: UNSUPPORTED_STATEMENT 5
    assert !in.isEmpty();
    return in;
  }
}
