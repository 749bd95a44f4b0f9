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
    String bar = n > 0 ? "#".repeat(n) : "";
    boolean high = !in.isEmpty() && Level.valueOf(in) == Level.HIGH;
    String always = "-".repeat(2) + Level.valueOf("LOW").ordinal();
    return bar + high + always;
  }
}
