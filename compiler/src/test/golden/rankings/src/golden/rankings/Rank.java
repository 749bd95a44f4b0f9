package golden.rankings;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Ranking and summing what an agent collected: comparators, reductions, a map's entries. */
@Workflow
public class Rank {
  private final Notes notes = Durable.activities(Notes.class);

  @WorkflowMethod
  public String run(Board b) {
    List<Item> items = b.items();
    List<String> byScore =
        items.stream()
            .sorted(Comparator.comparing(Item::score).reversed().thenComparing(Item::name))
            .map(Item::name)
            .toList();
    List<String> byName =
        items.stream().sorted(Comparator.comparing(i -> i.name())).map(Item::name).toList();
    List<String> stable =
        items.stream().sorted(Comparator.comparingInt(Item::score)).map(Item::name).toList();
    List<Integer> descending =
        items.stream().map(Item::score).sorted(Comparator.reverseOrder()).toList();
    int total = items.stream().map(Item::score).reduce(0, (x, y) -> x + y);
    int weights = items.stream().map(i -> notes.weight(i.name())).reduce(0, Integer::sum);
    String chain = items.stream().map(Item::name).reduce("", (acc, n) -> acc + n + ";");
    int product = items.stream().map(Item::score).reduce((x, y) -> x * y).orElse(-1);
    int best = items.stream().mapToInt(Item::score).max().orElse(-100);
    int worst = items.stream().mapToInt(Item::score).min().orElse(100);
    double mean = items.stream().mapToInt(Item::score).average().orElse(0.0);
    String firstName = items.stream().map(Item::name).min(Comparator.naturalOrder()).orElse("-");
    String lastName = items.stream().map(Item::name).max(Comparator.naturalOrder()).orElse("-");
    Item top =
        items.stream()
            .max(Comparator.comparing(Item::score))
            .orElse(new Item("none", 0, List.of()));
    Item low = items.stream().min(Comparator.comparing(Item::score)).orElse(top);
    List<String> tags = items.stream().flatMap(i -> i.tags().stream()).distinct().toList();
    long tagged = items.stream().flatMap(i -> i.tags().stream()).filter(t -> t.length() > 2).count();
    List<String> firstTags = items.stream().flatMap(i -> i.tags().stream()).limit(3).toList();
    String stockLine = "";
    int inStock = 0;
    for (Map.Entry<String, Integer> e : b.stock().entrySet()) {
      stockLine = stockLine + e.getKey() + "=" + e.getValue() + ",";
      inStock += e.getValue();
    }
    List<Integer> counts = new ArrayList<>(b.stock().values());
    int most = b.stock().values().stream().mapToInt(c -> c).max().orElse(0);
    int sumOfValues = 0;
    for (int v : b.stock().values()) {
      sumOfValues += v;
    }
    return byScore + " " + byName + " " + stable + " " + descending + " " + total + " " + weights
        + " " + chain + " " + product + " " + best + " " + worst + " " + mean + " " + firstName
        + " " + lastName + " " + top.name() + " " + low.name() + " " + tags + " " + tagged + " " + firstTags + " "
        + stockLine + " " + inStock + " " + counts + " " + most + " " + sumOfValues;
  }
}
