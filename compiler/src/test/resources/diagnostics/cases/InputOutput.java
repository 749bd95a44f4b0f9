package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.nio.file.Files;
import java.nio.file.Path;

@Workflow
public class InputOutput {
  @WorkflowMethod
  public String run(String in) {
    // BUG: IO_IN_WORKFLOW 5
    System.out.println(in);
    // BUG: IO_IN_WORKFLOW 19
    String text = Files.readString(Path.of(in));
    return in;
  }
}
