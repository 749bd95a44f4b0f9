package golden.rankings;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.Comparator;
import java.util.List;

/** Optional results unwrapped with getAsInt and get: an empty list throws NoSuchElementException. */
@Workflow
public class Champion {
  @WorkflowMethod
  public String run(List<Item> items) {
    int best = items.stream().mapToInt(Item::score).max().getAsInt();
    String name = items.stream().map(Item::name).max(Comparator.naturalOrder()).get();
    double mean = items.stream().mapToInt(Item::score).average().getAsDouble();
    return name + " " + best + " " + mean;
  }
}
