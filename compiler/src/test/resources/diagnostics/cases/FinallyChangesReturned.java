package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

@Workflow
public class FinallyChangesReturned {
  record Report(String title, List<String> lines) {}

  @WorkflowMethod
  public Report run(String title) {
    List<String> lines = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try {
      lines.add(title);
      if (title.isEmpty()) {
        return new Report("empty", lines);
      }
      return new Report(title, new ArrayList<>(notes));
    } finally {
      // BUG: ALIASED_COLLECTION 7
      lines.add("closed");
      notes.add("a copy was returned: fine");
    }
  }
}
