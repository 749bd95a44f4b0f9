package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

/** Google limits a Cloud Workflows expression to 400 characters; a long concatenation is split. */
@Workflow
public class GcpLongExpression {
  @WorkflowMethod
  public int run(int n) {
    // BUG: TARGET_LIMIT 5
    return n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n + n;
  }
}
