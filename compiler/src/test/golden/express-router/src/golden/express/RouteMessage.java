package golden.express;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Webhook;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import dev.statecraft.api.WorkflowType;
import java.util.List;

/**
 * A short, high-volume workflow started by a signed webhook: classify a message and pick a queue
 * in seconds. Express is billed
 * by requests and duration, not per state transition; the words loop costs no transition either.
 */
@Workflow(type = WorkflowType.EXPRESS)
@Webhook(path = "messages", secretEnv = "MESSAGES_WEBHOOK_SECRET")
public class RouteMessage {
  private final Classifier classifier = Durable.activities(Classifier.class);

  @WorkflowMethod
  public String run(String text) {
    String label = classifier.label(text);
    int urgent = 0;
    for (String word : text.split(" ")) {
      if (word.equals("now") || word.equals("urgent")) {
        urgent++;
      }
    }
    return (urgent > 0 ? "priority-" : "") + label;
  }
}
