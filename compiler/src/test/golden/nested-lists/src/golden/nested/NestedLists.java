package golden.nested;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists of lists built from literals, copies, locals and activity results: each added list is one
 * element, however it is written.
 */
@Workflow
public class NestedLists {
  private final Rows rows = Durable.activities(Rows.class);

  @WorkflowMethod
  public List<List<String>> run(String word) {
    List<List<String>> outer = new ArrayList<>();
    outer.add(List.of("a", "b"));
    outer.add(List.of(word));
    List<String> row = new ArrayList<>();
    row.add(rows.echo(word));
    outer.add(row);
    outer.addAll(List.of(List.of("c"), row));
    outer.add(new ArrayList<>(List.of("d", word)));
    outer.add(rows.pair(word));
    outer.add(word.isEmpty() ? List.of() : List.of(word, word));
    Map<String, List<String>> byName = Map.of("k", List.of("v", word));
    outer.add(byName.get("k"));
    outer.set(0, List.of("z"));
    List<List<List<String>>> deeper = List.of(new ArrayList<>(outer), List.of(List.of("e")));
    List<List<String>> result = new ArrayList<>(deeper.get(0));
    result.add(List.of("size=" + deeper.get(0).size() + "/" + deeper.get(1).get(0).size()));
    return result;
  }
}
