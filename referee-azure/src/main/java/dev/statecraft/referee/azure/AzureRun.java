package dev.statecraft.referee.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * How one orchestration instance ended on the Durable Task engine, as a client reads it.
 *
 * @param instanceId the instance id the HTTP starter returned
 * @param output the orchestrator's output as JSON ({@code null} JSON when it failed)
 * @param failure how it failed, empty when it completed
 * @param activityCalls every activity execution, in the order they ran
 * @param counts what Durable Functions bills for the run
 */
public record AzureRun(
    String instanceId,
    JsonNode output,
    Optional<Failure> failure,
    List<ActivityAttempt> activityCalls,
    BilledCounts counts) {

  /** Whether the orchestration completed rather than failed. */
  public boolean succeeded() {
    return failure.isEmpty();
  }

  /**
   * A failed orchestration's error name and cause. They are read where a client reads them: the
   * status the orchestrator published ({@code customStatus} {@code {"error":..., "cause":...}})
   * when there is one, else the failure details' error type and message.
   *
   * @param error the error name, such as {@code "Rejected"} or {@code "demo.shop.OutOfStock"}
   * @param cause the message, or {@code null}
   */
  public record Failure(String error, String cause) {
    @Override
    public String toString() {
      return cause == null ? error : error + ": " + cause;
    }
  }
}
