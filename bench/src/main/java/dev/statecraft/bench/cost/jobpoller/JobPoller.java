package dev.statecraft.bench.cost.jobpoller;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;
import java.time.Duration;

/**
 * AWS docs pattern "poll for job status": submit a job, then wait and check its status until it
 * succeeds (fetch the result) or fails (fail the execution).
 */
@Workflow
public class JobPoller {
  private final Jobs jobs = Durable.activities(Jobs.class);

  @WorkflowMethod
  public String run(Job job) {
    String id = jobs.submit(job);
    while (true) {
      Durable.sleep(Duration.ofSeconds(30));
      String status = jobs.status(id);
      if (status.equals("SUCCEEDED")) {
        return jobs.result(id);
      }
      if (status.equals("FAILED")) {
        throw new WorkflowFailure("JobFailed", "job " + id + " failed");
      }
    }
  }
}
