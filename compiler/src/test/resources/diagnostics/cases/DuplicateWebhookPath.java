package diag;

import dev.statecraft.api.Webhook;
import dev.statecraft.api.WebhookScheme;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
@Webhook(path = "events", secretEnv = "EVENTS_SECRET")
// BUG: DUPLICATE_WEBHOOK_PATH 1
@Webhook(path = "events", scheme = WebhookScheme.GITHUB, secretEnv = "GITHUB_SECRET")
public class DuplicateWebhookPath {
  @WorkflowMethod
  public String run(String in) {
    return in;
  }
}
