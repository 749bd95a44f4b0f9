package dev.statecraft.testing.differential;

import dev.statecraft.testing.ActivityCall;
import dev.statecraft.testing.WorkflowResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What must be identical between a workflow run as plain Java and its compiled state machine run on
 * the engine: the output (as JSON), the failure (error and message), and the activity calls in
 * order. Calls made inside {@code Durable.map} and {@code Durable.parallel} run concurrently on the
 * engine, so for programs that use them the calls are compared as a multiset.
 */
final class Comparison {
  /**
   * Step Functions' quota for a state's result: a larger one fails with {@code
   * States.DataLimitExceeded}, a documented limit of the target (docs/language.md), not a
   * difference of meaning.
   */
  private static final int PAYLOAD_LIMIT = 256 * 1024;

  private Comparison() {}

  /** The differences, empty when the runs agree. */
  static List<String> differences(
      WorkflowResult<?> java, WorkflowResult<?> engine, boolean concurrent) {
    List<String> out = new ArrayList<>();
    if (java.succeeded() && beyondPayloadLimit(java, engine)) {
      return out;
    }
    if (java.succeeded() != engine.succeeded()) {
      out.add("java " + describe(java) + " but engine " + describe(engine));
      return out;
    }
    if (java.succeeded() && !Objects.equals(java.outputJson(), engine.outputJson())) {
      out.add("output: java " + java.outputJson() + " engine " + engine.outputJson());
    }
    if (!java.succeeded() && !sameFailure(java, engine)) {
      out.add(
          "failure: java "
              + java.failure().orElse(null)
              + " engine "
              + engine.failure().orElse(null));
    }
    List<String> javaCalls = calls(java.activityCalls(), concurrent);
    List<String> engineCalls = calls(engine.activityCalls(), concurrent);
    if (!javaCalls.equals(engineCalls)) {
      out.add("activity calls: java " + javaCalls + " engine " + engineCalls);
    }
    return out;
  }

  /**
   * The same error and message; for a {@code NullPointerException} the same error: Java's message
   * depends on how the class was compiled ({@code -g} names locals) and on the JVM's {@code
   * -XX:ShowCodeDetailsInExceptionMessages}, so no target can be held to it.
   */
  private static boolean sameFailure(WorkflowResult<?> java, WorkflowResult<?> engine) {
    if (Objects.equals(java.failure(), engine.failure())) {
      return true;
    }
    String npe = "java.lang.NullPointerException";
    return java.failure().map(f -> f.error().equals(npe)).orElse(false)
        && engine.failure().map(f -> f.error().equals(npe)).orElse(false);
  }

  private static boolean beyondPayloadLimit(WorkflowResult<?> java, WorkflowResult<?> engine) {
    return engine.failure().map(f -> f.error().equals("States.DataLimitExceeded")).orElse(false)
        && java.outputJson().toString().getBytes(StandardCharsets.UTF_8).length > PAYLOAD_LIMIT;
  }

  private static List<String> calls(List<ActivityCall> calls, boolean concurrent) {
    List<String> out = new ArrayList<>(calls.stream().map(ActivityCall::toString).toList());
    if (concurrent) {
      out.sort(null);
    }
    return out;
  }

  private static String describe(WorkflowResult<?> r) {
    return r.succeeded()
        ? "succeeded with " + r.outputJson()
        : "failed with " + r.failure().orElse(null);
  }
}
