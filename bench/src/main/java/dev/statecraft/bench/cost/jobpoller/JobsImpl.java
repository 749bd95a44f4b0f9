package dev.statecraft.bench.cost.jobpoller;

/** A job that runs for {@code checks} status checks, then succeeds or fails as it says. */
public class JobsImpl implements Jobs {
  private Job job;
  private int checked;

  @Override
  public String submit(Job job) {
    this.job = job;
    return "job-" + job.name();
  }

  @Override
  public String status(String jobId) {
    checked++;
    if (checked < job.checks()) {
      return "RUNNING";
    }
    return job.fails() ? "FAILED" : "SUCCEEDED";
  }

  @Override
  public String result(String jobId) {
    return jobId + " finished after " + checked + " checks";
  }
}
