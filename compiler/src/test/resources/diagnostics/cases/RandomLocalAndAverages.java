package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;
import java.util.Random;

@Workflow
public class RandomLocalAndAverages {
  @WorkflowMethod
  public double run(List<Integer> in) {
    // BUG: NONDETERMINISTIC_CALL 5
    Random r = new Random();
    // BUG: UNSUPPORTED_CALL 18
    double avg = in.stream().mapToDouble(x -> x).average().orElse(0);
    // BUG: UNSUPPORTED_CALL 13
    int m = in.stream().reduce(0, (a, b) -> a + b, Integer::sum);
    // BUG: UNSUPPORTED_CALL 31
    int top = in.stream().max(Integer::compare).orElse(0);
    return avg + m + top;
  }
}
