package dev.statecraft.referee.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One execution of an activity function, as the worker saw it.
 *
 * @param activity {@code Interface.method}, with the interface's simple name
 * @param arguments the arguments, by parameter name, as the orchestrator sent them
 * @param result what it returned ({@code null} JSON for {@code void}), {@code null} when it threw
 * @param errorType the exception class it threw, {@code null} when it returned
 * @param errorMessage the exception's message, {@code null} when it returned
 */
public record ActivityAttempt(
    String activity, ObjectNode arguments, JsonNode result, String errorType, String errorMessage) {

  /** Whether the attempt returned rather than threw. */
  public boolean returned() {
    return errorType == null;
  }
}
