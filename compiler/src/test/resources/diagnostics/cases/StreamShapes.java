package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

@Workflow
public class StreamShapes {
  @WorkflowMethod
  public int run(List<String> in) {
    // BUG: UNSUPPORTED_CALL 46
    List<String> sorted = in.stream().sorted((a, b) -> b.compareTo(a)).toList();
    // BUG: UNSUPPORTED_EXPRESSION 23
    int n = 1 + (int) in.stream().count();
    // BUG: INVALID_LAMBDA 43
    List<Integer> sizes = in.stream().map(s -> { return s.length(); }).toList();
    return n + sorted.size() + sizes.size();
  }
}
