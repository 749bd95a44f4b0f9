package golden.text;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

/** The string and number helpers agent code reaches for when it cleans up a model's answer. */
@Workflow
public class Normalize {
  private final Model model = Durable.activities(Model.class);

  @WorkflowMethod
  public String run(Prompt p) {
    String answer = model.complete(String.format("Rate %s from 1 to %d.%n", p.topic(), p.scale()));
    if (answer.isBlank()) {
      return String.format("no answer (%s%%)", p.topic());
    }
    String cleaned = answer.replace("Score:", "").replace(p.placeholder(), p.topic()).trim();
    double score = Double.parseDouble(cleaned.substring(0, cleaned.indexOf(" ")));
    long rounded = Math.round(score * p.scale() / 10.0);
    long budget = Long.parseLong(p.budget()) - rounded;
    String last = cleaned.substring(cleaned.lastIndexOf(" ") + 1);
    boolean same = last.equalsIgnoreCase(p.topic());
    return String.format("%s -> %d/%d", p.topic(), rounded, p.scale())
        + " | "
        + score
        + " | "
        + budget
        + " | "
        + last
        + " | "
        + same
        + " | "
        + cleaned.lastIndexOf("aa")
        + " | "
        + Integer.toString(p.scale())
        + Double.toString(score)
        + " | "
        + "ab".replace(p.empty(), "-");
  }
}
