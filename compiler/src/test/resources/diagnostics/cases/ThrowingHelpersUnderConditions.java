package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class ThrowingHelpersUnderConditions {
  enum Level {
    LOW,
    HIGH
  }

  @WorkflowMethod
  public String run(String in) {
    int n = in.length() - 3;
    // BUG: TARGET_LIMIT 12
    String bar = n > 0 ? "#".repeat(n) : "";
    // BUG: TARGET_LIMIT 13
    boolean high = !in.isEmpty() && Level.valueOf(in) == Level.HIGH;
    String always = "-".repeat(2) + Level.valueOf("LOW").ordinal();
    return bar + high + always;
  }
}
