package golden.indexes;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

/**
 * Lists and arrays indexed out of range fail the workflow with Java's exception, as Java does,
 * instead of reading an empty value and carrying on.
 */
@Workflow
public class Indexes {
  private final Labels labels = Durable.activities(Labels.class);

  @WorkflowMethod
  public String run(List<String> in) {
    String[] parts = "a,b".split(",");
    String first = labels.label(in.get(0));
    if (in.size() > 3) {
      return first + parts[in.size()];
    }
    int total = 0;
    for (String s : in) {
      total += s.length();
    }
    return first + in.get(2) + total;
  }
}
