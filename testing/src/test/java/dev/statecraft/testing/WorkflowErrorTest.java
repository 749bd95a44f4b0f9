package dev.statecraft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statecraft.api.WorkflowFailure;
import org.junit.jupiter.api.Test;

/** The failure view both modes share, from what each reports. */
class WorkflowErrorTest {
  @Test
  void aFailStateKeepsItsErrorAndCause() {
    assertEquals(
        new WorkflowError("Rejected", "no budget"),
        WorkflowError.ofEngine("Rejected", "no budget"));
  }

  @Test
  void aLambdaErrorCauseGivesTheExceptionsMessage() {
    String cause = LambdaShapes.errorCause(new IllegalStateException("boom"));
    assertEquals(
        "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\","
            + "\"stackTrace\":[]}",
        cause);
    assertEquals(
        new WorkflowError("java.lang.IllegalStateException", "boom"),
        WorkflowError.ofEngine("java.lang.IllegalStateException", cause));
    assertEquals(
        new WorkflowError("java.lang.IllegalStateException", null),
        WorkflowError.ofEngine(
            "java.lang.IllegalStateException",
            LambdaShapes.errorCause(new IllegalStateException())));
  }

  @Test
  void aFailedChildExecutionIsUnwrappedToTheChildsError() {
    String childCause = LambdaShapes.errorCause(new IllegalArgumentException("bad sku"));
    String cause =
        "{\"ExecutionArn\":\"arn:x\",\"Status\":\"FAILED\",\"Error\":"
            + "\"java.lang.IllegalArgumentException\",\"Cause\":"
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(childCause)
            + "}";
    assertEquals(
        new WorkflowError("java.lang.IllegalArgumentException", "bad sku"),
        WorkflowError.ofEngine("States.TaskFailed", cause));
  }

  @Test
  void aTaskFailedThatIsNoChildExecutionStaysAsItIs() {
    assertEquals(
        new WorkflowError("States.TaskFailed", "{\"Error\":\"x\"}"),
        WorkflowError.ofEngine("States.TaskFailed", "{\"Error\":\"x\"}"));
  }

  @Test
  void inDirectModeOnlyTheWorkflowsOwnWorkflowFailureIsUnwrapped() {
    WorkflowFailure failure = new WorkflowFailure("Rejected", "no budget");
    assertEquals(
        new WorkflowError("Rejected", "no budget"), WorkflowError.ofEscaped(failure, false));
    assertEquals(
        new WorkflowError("dev.statecraft.api.WorkflowFailure", "no budget"),
        WorkflowError.ofEscaped(failure, true));
  }
}
