package golden.children;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class Translate {
  private final Texts texts = Durable.activities(Texts.class);

  @WorkflowMethod
  public String run(Request request) {
    if (request.language().isEmpty()) {
      throw new WorkflowFailure("NoLanguage", "say which language");
    }
    return texts.translate(request.text(), request.language());
  }
}
