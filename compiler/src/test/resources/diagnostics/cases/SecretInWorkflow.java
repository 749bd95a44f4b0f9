package diag;

import static dev.statecraft.api.Secrets.find;

import dev.statecraft.api.Secrets;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class SecretInWorkflow {
  @WorkflowMethod
  public String run(String in) {
    // BUG: SECRET_IN_WORKFLOW 18
    String key = Secrets.get("OPENAI_API_KEY");
    // BUG: SECRET_IN_WORKFLOW 19
    boolean set = find("SLACK_URL").isPresent();
    return in + key.length() + set;
  }
}
