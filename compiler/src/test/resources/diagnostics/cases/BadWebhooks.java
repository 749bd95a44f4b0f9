package diag;

import dev.statecraft.api.Webhook;
import dev.statecraft.api.WebhookScheme;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
// BUG: INVALID_WEBHOOK 17
@Webhook(path = "/Orders", secretEnv = "ORDERS_SECRET")
// BUG: INVALID_WEBHOOK 39
@Webhook(path = "orders", secretEnv = "orders-secret")
// BUG: INVALID_WEBHOOK 77
@Webhook(path = "stripe", scheme = WebhookScheme.STRIPE, toleranceSeconds = 0, secretEnv = "S")
// BUG: INVALID_WEBHOOK 1
@Webhook(path = "github")
public class BadWebhooks {
  @WorkflowMethod
  public String run(String in) {
    return in;
  }
}
