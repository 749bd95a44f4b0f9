package fixes;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.time.Duration;

/** Waits for a reviewer's verdict; a failed wait is caught by its error name. */
@Workflow
public class Review {
  private final Reviewers reviewers = Durable.activities(Reviewers.class);

  @WorkflowMethod
  public String run(Order order) {
    try {
      String verdict =
          Durable.awaitCallback(
              String.class, Duration.ofHours(24), cb -> reviewers.ask(order.id(), cb));
      return "verdict " + verdict;
    } catch (fixes.Busy e) {
      return "reviewer busy: " + e.getMessage();
    }
  }
}
