package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class UncatchableValueOf {
  enum Level {
    LOW,
    HIGH
  }

  @WorkflowMethod
  public String run(String in) {
    Level level = Level.LOW;
    // BUG: UNCATCHABLE_ERROR 5
    try {
      level = Level.valueOf(in);
    } catch (IllegalArgumentException e) {
      level = Level.HIGH;
    }
    String bar = "";
    // BUG: UNCATCHABLE_ERROR 5
    try {
      bar = "#".repeat(in.length() - 3);
    } catch (RuntimeException e) {
      bar = "?";
    }
    return level.name() + bar;
  }
}
