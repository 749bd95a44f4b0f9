package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

@Workflow
public class BoxedIdentity {
  @WorkflowMethod
  public boolean run(List<Integer> in) {
    Integer a = 1000;
    Integer b = 1000;
    int c = 1000;
    // BUG: REFERENCE_EQUALITY 20
    boolean same = a == b;
    // BUG: REFERENCE_EQUALITY 21
    boolean first = in.get(0) != in.get(1);
    boolean unboxed = a == c && c == in.get(0) && a != null;
    return same || first || unboxed || a.equals(b);
  }
}
