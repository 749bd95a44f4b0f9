package dev.statecraft.referee.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one execution on the Cloud Workflows emulator ended.
 *
 * @param workflow the workflow's name (its workflow id)
 * @param state the execution's final state: {@code SUCCEEDED}, {@code FAILED}, or {@code ACTIVE}
 *     when the wait for it timed out
 * @param output the execution's result as JSON ({@code null} JSON when it failed)
 * @param failure how it failed, empty when it succeeded
 * @param calls every activity attempt, child executions' included, in the order they answered
 * @param steps the billed steps
 * @param executedSteps the names of the steps the emulator executed, in order, children's included
 */
public record GcpRun(
    String workflow,
    String state,
    JsonNode output,
    Optional<Failure> failure,
    List<Call> calls,
    BilledSteps steps,
    List<String> executedSteps) {
  public GcpRun {
    Objects.requireNonNull(output, "output");
    calls = List.copyOf(calls);
    executedSteps = List.copyOf(executedSteps);
  }

  /** Whether the execution succeeded. */
  public boolean succeeded() {
    return state.equals("SUCCEEDED");
  }

  /**
   * A failed execution's error, read as Java would name it: a {@code WorkflowFailure}'s error and
   * cause; an activity's exception by its class ({@code errorType}) and message; an exception
   * workflow code raised (a {@code message} of {@code java.lang.X: text}) by its class; else Cloud
   * Workflows' own first tag ({@code TypeError}, {@code KeyError}, ...) and message.
   *
   * @param error the error name
   * @param message the message, or {@code null}
   * @param raw the error as the execution reported it (its {@code error.payload})
   */
  public record Failure(String error, String message, String raw) {
    @Override
    public String toString() {
      return message == null ? error : error + ": " + message;
    }
  }

  /**
   * One attempt of one activity call, as its Cloud Run function answered it.
   *
   * @param activity {@code Interface.method}, with the interface's simple name
   * @param arguments the arguments by parameter name, decoded into the parameters' Java types and
   *     encoded again with {@code ActivityJson}; a {@code Callback} as {@code {"token":
   *     "callback-N", "url": ...?token=callback-N}} for the N-th callback of the run
   * @param result what it returned, decoded into the return type and encoded again ({@code null}
   *     JSON for {@code void}); {@code null} when it threw
   * @param error what it threw ({@code errorType: errorMessage}), or {@code null}
   */
  public record Call(String activity, ObjectNode arguments, JsonNode result, String error) {
    @Override
    public String toString() {
      return activity
          + "("
          + arguments
          + ")"
          + (error == null ? " -> " + result : " threw " + error);
    }
  }

  /**
   * What Cloud Workflows bills for the execution: every step executed (failed ones too), its child
   * executions' included. Per Google's pricing, assignments, conditions, subworkflow and
   * standard-library calls and Cloud Run function invocations are internal steps; external steps
   * are HTTP requests to hosts outside Google Cloud, which emitted workflows never make. Counted
   * from the emulator's log of executed steps; a retried {@code http.post} attempt is one more step
   * (the extra attempts the functions answered are added).
   *
   * @param internal internal steps
   * @param external external steps
   */
  public record BilledSteps(int internal, int external) {
    /** All billed steps. */
    public int total() {
      return internal + external;
    }
  }
}
