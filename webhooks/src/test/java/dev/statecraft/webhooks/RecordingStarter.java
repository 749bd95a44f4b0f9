package dev.statecraft.webhooks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An {@link ExecutionStarter} that records each call and, like Step Functions, knows names. */
final class RecordingStarter implements ExecutionStarter {
  record Call(String workflow, String executionName, String input) {}

  final List<Call> calls = new ArrayList<>();
  private final Set<String> existing = new HashSet<>();
  RuntimeException failure;

  @Override
  public StartedExecution start(String workflow, String executionName, String input) {
    calls.add(new Call(workflow, executionName, input));
    if (failure != null) {
      throw failure;
    }
    String arn =
        "arn:aws:states:eu-west-1:123456789012:execution:" + workflow + ":" + executionName;
    return existing.add(workflow + ":" + executionName)
        ? StartedExecution.started(arn)
        : StartedExecution.existing(arn);
  }

  Call onlyCall() {
    if (calls.size() != 1) {
      throw new AssertionError("expected one start, got " + calls);
    }
    return calls.get(0);
  }
}
