package review;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.time.Duration;

/** Asks a reviewer through a callback, then has the child workflow stamp the verdict. */
@Workflow
public class Review {
  private final Reviewers reviewers = Durable.activities(Reviewers.class);

  @WorkflowMethod
  public String run(String draft) {
    Verdict verdict =
        Durable.awaitCallback(Verdict.class, Duration.ofHours(1), cb -> reviewers.ask(draft, cb));
    return new Stamp().run(new Verdict(verdict.approved(), draft + " by " + verdict.by()));
  }
}
