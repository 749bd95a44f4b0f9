package dev.statecraft.api;

/**
 * How the cloud runs and bills a workflow: {@link Workflow#type()}. On AWS these are Step
 * Functions' two workflow types; Google Cloud and Azure have one kind and ignore it.
 */
public enum WorkflowType {
  /**
   * Exactly-once, up to a year long, billed per state transition: waits for people, long sleeps,
   * callbacks and child workflows. The default.
   */
  STANDARD,
  /**
   * At most five minutes, billed by requests and duration rather than transitions: short,
   * high-volume work such as a webhook that classifies and routes in seconds. Started
   * asynchronously it runs at least once (an activity may run twice); it cannot await callbacks,
   * sleep past five minutes or wait for child workflows, which the compiler refuses ({@code
   * EXPRESS_UNSUPPORTED}).
   */
  EXPRESS
}
