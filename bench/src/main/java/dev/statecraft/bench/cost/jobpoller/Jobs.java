package dev.statecraft.bench.cost.jobpoller;

import dev.statecraft.api.Activities;

/** A batch service: submit, check, fetch. */
@Activities
public interface Jobs {
  String submit(Job job);

  String status(String jobId);

  String result(String jobId);
}
