package dev.statecraft.local;

/** The status of an execution, as Step Functions' {@code DescribeExecution} reports it. */
public enum ExecutionStatus {
  /** Still running: some branch has a state to execute, a timer or a task outstanding. */
  RUNNING,
  /** Reached a Succeed state or a state with {@code "End": true}. */
  SUCCEEDED,
  /** Reached a Fail state, or an error nothing caught. */
  FAILED,
  /** Ran longer than the definition's top-level {@code TimeoutSeconds}. */
  TIMED_OUT,
  /** Stopped from outside, see {@link LocalEngine#stopExecution}. */
  ABORTED;

  /** Whether the execution has finished and will not change again. */
  public boolean isTerminal() {
    return this != RUNNING;
  }
}
