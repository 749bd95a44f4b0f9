package review;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class Stamp {
  private final Reviewers reviewers = Durable.activities(Reviewers.class);

  @WorkflowMethod
  public String run(Verdict verdict) {
    return reviewers.stamp(verdict.approved(), verdict.by());
  }
}
