package dev.statecraft.bench.cost.textstats;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

/**
 * Data work over an activity's result, as agents do with search results: one durable call, then a
 * for-each with {@code continue} and a stream pipeline. Compiled, the loop and the pipeline are
 * JSONata on the Task's own state: no transition per item.
 */
@Workflow
public class TextStats {
  private final Search search = Durable.activities(Search.class);

  @WorkflowMethod
  public String run(String query) {
    List<String> items = search.search(query);
    int total = 0;
    for (String s : items) {
      if (s.startsWith("x")) {
        continue;
      }
      total += s.length();
    }
    List<String> upper = items.stream().map(String::toUpperCase).toList();
    return total + " " + String.join(",", upper);
  }
}
