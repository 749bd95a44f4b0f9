package golden.collections;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Local mutable lists and maps, as Java users write them. */
@Workflow
public class Tally {
  private final Votes votes = Durable.activities(Votes.class);

  @WorkflowMethod
  public Map<String, Integer> run(List<String> texts) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> seen = new ArrayList<>();
    for (String t : texts) {
      String label = votes.classify(t);
      counts.merge(label, 1, Integer::sum);
      seen.add(t);
    }
    if (seen.size() > 2) {
      seen.remove(0);
      seen.set(0, "first");
    }
    counts.put("seen", seen.size());
    counts.put("total", counts.getOrDefault("even", 0) + counts.getOrDefault("odd", 0));
    for (String key : new ArrayList<>(counts.keySet())) {
      if (key.equals("seen")) {
        counts.remove(key);
      }
    }
    List<String> keys = new ArrayList<>(counts.keySet());
    Collections.sort(keys);
    seen.sort(null);
    if (!keys.isEmpty() && !seen.isEmpty()) {
      counts.put("first:" + keys.get(0) + "/" + seen.get(0), keys.size());
    }
    return counts;
  }
}
