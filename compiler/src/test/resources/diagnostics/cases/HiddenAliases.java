package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

@Workflow
public class HiddenAliases {
  record Basket(List<String> items) {}

  @WorkflowMethod
  public int run(Basket in) {
    List<String> a = new ArrayList<>();
    List<String> c = new ArrayList<>();
    List<String> b = in.items().isEmpty() ? a : c;
    // BUG: ALIASED_COLLECTION 5
    a.add("x");
    List<String> mine = in.items();
    // BUG: ALIASED_COLLECTION 5
    mine.add("w");
    List<List<String>> outer = new ArrayList<>();
    outer.add(new ArrayList<>());
    List<String> first = outer.get(0);
    // BUG: ALIASED_COLLECTION 5
    first.add("y");
    List<String> copy = new ArrayList<>(in.items());
    copy.add("fine");
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    for (String item : in.items()) {
      row = new ArrayList<>();
      row.add(item);
      rows.add(row);
    }
    List<String> kept = new ArrayList<>();
    for (String item : in.items()) {
      if (item.isEmpty()) {
        kept = new ArrayList<>();
      }
      // BUG: ALIASED_COLLECTION 7
      kept.add(item);
      rows.add(kept);
    }
    return b.size() + mine.size() + first.size() + copy.size() + rows.size() + row.size();
  }
}
