package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

@Workflow
public class ImmutableCollections {
  @WorkflowMethod
  public int run(List<String> in) {
    List<String> fixed = List.of("a", "b");
    // BUG: IMMUTABLE_COLLECTION 5
    fixed.add("c");
    Map<String, Integer> counts = Map.of("a", 1);
    // BUG: IMMUTABLE_COLLECTION 5
    counts.put("b", 2);
    List<String> upper = in.stream().map(s -> s.toUpperCase()).toList();
    // BUG: IMMUTABLE_COLLECTION 5
    upper.remove(0);
    List<String> sized = Arrays.asList("x", "y");
    sized.set(0, "z");
    // BUG: IMMUTABLE_COLLECTION 5
    sized.add("w");
    List<String> copy = new ArrayList<>(List.of("a"));
    copy.add("b");
    List<String> replaced = List.of("a");
    replaced = new ArrayList<>(replaced);
    replaced.add("b");
    return fixed.size() + counts.size() + upper.size() + sized.size() + copy.size() + replaced.size();
  }
}
