package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@Workflow
public class SortShapes {
  @WorkflowMethod
  public int run(List<String> in) {
    List<String> names = new ArrayList<>(in);
    // BUG: UNSUPPORTED_CALL 5
    names.sort(Comparator.reverseOrder());
    List<List<String>> groups = new ArrayList<>();
    // BUG: UNSUPPORTED_CALL 5
    groups.sort(null);
    return names.size() + groups.size();
  }
}
