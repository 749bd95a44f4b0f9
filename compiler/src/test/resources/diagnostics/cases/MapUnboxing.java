package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.Map;

@Workflow
public class MapUnboxing {
  @WorkflowMethod
  public int run(Map<String, Integer> counts) {
    // BUG: UNSUPPORTED_EXPRESSION 13
    int a = counts.get("a");
    // BUG: UNSUPPORTED_EXPRESSION 17
    int b = 1 + counts.get("b");
    // BUG: UNSUPPORTED_EXPRESSION 9
    if (counts.get("c") > 2) {
      a++;
    }
    Integer boxed = counts.get("d");
    String shown = "d=" + counts.get("d");
    boolean missing = counts.get("e") == null;
    int safe = counts.getOrDefault("f", 0);
    return a + b + safe + shown.length() + (missing ? 1 : 0) + (boxed == null ? 0 : 1);
  }
}
