package diag;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

@Workflow
public class ListRemovals {
  private final Acts acts = Durable.activities(Acts.class);

  @WorkflowMethod
  public String run(String in) {
    Item item = acts.load(1);
    List<Integer> ids = new ArrayList<>(List.of(1, 2, 3));
    // BUG: UNSUPPORTED_CALL 5
    ids.remove(item.id());
    ids.remove((int) item.id());
    ids.remove((Integer) item.id());
    List<String> names = new ArrayList<>(List.of("a", in));
    // BUG: UNSUPPORTED_CALL 20
    String first = names.remove(0);
    List<List<String>> nested = new ArrayList<>();
    // BUG: UNSUPPORTED_CALL 5
    nested.add(0, names);
    return first + ids + nested;
  }
}
