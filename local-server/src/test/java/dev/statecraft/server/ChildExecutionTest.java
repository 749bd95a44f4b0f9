package dev.statecraft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** {@code arn:aws:states:::states:startExecution[.sync[:2]]}: a state machine starts another. */
class ChildExecutionTest extends LocalSfnTest {
  String doubler;

  @BeforeEach
  void createStateMachine() {
    doubler = local.create("doubler", LocalSfn.DOUBLE);
  }

  static String parent(String resource, String childArn, String rest) {
    return """
        {"StartAt":"Child","States":{"Child":{"Type":"Task","Resource":"%s",
          "Parameters":{"StateMachineArn":"%s","Input":{"n.$":"$.n"}}%s}}}
        """
        .formatted(resource, childArn, rest);
  }

  @Test
  void sync2WaitsForTheChildAndParsesItsOutput() throws Exception {
    String machine =
        local.create(
            "parent",
            parent(
                "arn:aws:states:::states:startExecution.sync:2",
                doubler,
                ",\"ResultSelector\":{\"n.$\":\"$.Output.n\",\"status.$\":\"$.Status\",\"child.$\":\"$.ExecutionArn\"},\"End\":true"));
    DescribeExecutionResponse d = local.await(local.start(machine, "p1", "{\"n\":4}"));
    assertEquals(ExecutionStatus.SUCCEEDED, d.status(), d.cause());
    JsonNode output = LocalSfn.parse(d.output());
    assertEquals(8, output.path("n").asInt());
    assertEquals("SUCCEEDED", output.path("status").asText());
    List<ExecutionListItem> children =
        local.sfn.listExecutions(b -> b.stateMachineArn(doubler)).executions();
    assertEquals(1, children.size());
    assertEquals(children.get(0).executionArn(), output.path("child").asText());

    List<HistoryEvent> events =
        local.sfn.getExecutionHistory(b -> b.executionArn(d.executionArn())).events();
    HistoryEvent scheduled = events.get(2);
    assertEquals("states", scheduled.taskScheduledEventDetails().resourceType());
    assertEquals("startExecution.sync:2", scheduled.taskScheduledEventDetails().resource());
  }

  @Test
  void syncGivesTheChildsOutputAsText() throws Exception {
    String machine =
        local.create(
            "parent",
            parent("arn:aws:states:::states:startExecution.sync", doubler, ",\"End\":true"));
    DescribeExecutionResponse d = local.await(local.start(machine, "p1", "{\"n\":1}"));
    JsonNode output = LocalSfn.parse(d.output());
    assertTrue(output.path("Output").isTextual(), d.output());
    assertEquals("{\"n\":2}", output.path("Output").asText());
    assertEquals("{\"n\":1}", output.path("Input").asText());
    assertTrue(output.path("StartDate").isNumber());
    assertEquals(doubler, output.path("StateMachineArn").asText());
  }

  @Test
  void aFailedChildFailsTheTaskWithStatesTaskFailedAndItsDescription() throws Exception {
    String failing = local.create("failing", LocalSfn.FAIL);
    String machine =
        local.create(
            "parent",
            parent(
                "arn:aws:states:::states:startExecution.sync:2",
                failing,
                ",\"Catch\":[{\"ErrorEquals\":[\"States.TaskFailed\"],\"ResultPath\":\"$.failure\","
                    + "\"Next\":\"Handled\"}],\"End\":true},"
                    + "\"Handled\":{\"Type\":\"Pass\",\"End\":true"));
    DescribeExecutionResponse d = local.await(local.start(machine, "p1", "{\"n\":1}"));
    assertEquals(ExecutionStatus.SUCCEEDED, d.status(), d.cause());
    JsonNode failure = LocalSfn.parse(d.output()).path("failure");
    assertEquals("States.TaskFailed", failure.path("Error").asText());
    JsonNode cause = LocalSfn.parse(failure.path("Cause").asText());
    assertEquals("FAILED", cause.path("Status").asText());
    assertEquals("Custom.Error", cause.path("Error").asText());
    assertEquals("it broke", cause.path("Cause").asText());
    assertTrue(
        cause
            .path("ExecutionArn")
            .asText()
            .startsWith("arn:aws:states:us-east-1:000000000000:execution:failing:"));
  }

  @Test
  void plainStartExecutionDoesNotWait() throws Exception {
    String waiting = local.create("waiting", LocalSfn.WAIT_AN_HOUR);
    String machine =
        local.create(
            "parent", parent("arn:aws:states:::states:startExecution", waiting, ",\"End\":true"));
    DescribeExecutionResponse d = local.await(local.start(machine, "p1", "{\"n\":1}"));
    assertEquals(ExecutionStatus.SUCCEEDED, d.status(), d.cause());
    String child = LocalSfn.parse(d.output()).path("ExecutionArn").asText();
    assertEquals(
        ExecutionStatus.RUNNING, local.sfn.describeExecution(b -> b.executionArn(child)).status());
  }

  @Test
  void waitForTaskTokenStartsTheChildAndWaitsForTheToken() throws Exception {
    String waiting = local.create("waiting", LocalSfn.WAIT_AN_HOUR);
    String machine =
        local.create(
            "parent",
            """
            {"StartAt":"Child","States":{"Child":{"Type":"Task",
              "Resource":"arn:aws:states:::states:startExecution.waitForTaskToken",
              "Parameters":{"StateMachineArn":"%s","Input":{"token.$":"$$.Task.Token"}},
              "End":true}}}
            """
                .formatted(waiting));
    String parent = local.start(machine, "p1", "{}");
    String child = null;
    for (int i = 0; i < 200 && child == null; i++) {
      List<ExecutionListItem> children =
          local.sfn.listExecutions(b -> b.stateMachineArn(waiting)).executions();
      child = children.isEmpty() ? null : children.get(0).executionArn();
      Thread.sleep(20);
    }
    String childArn = child;
    String token =
        LocalSfn.parse(local.sfn.describeExecution(b -> b.executionArn(childArn)).input())
            .path("token")
            .asText();
    local.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"answer\":42}"));
    DescribeExecutionResponse d = local.await(parent);
    assertEquals(ExecutionStatus.SUCCEEDED, d.status(), d.cause());
    assertEquals("{\"answer\":42}", d.output());
  }

  @Test
  void aMissingChildStateMachineFailsTheTask() throws Exception {
    String machine =
        local.create(
            "parent",
            parent(
                "arn:aws:states:::states:startExecution.sync:2",
                "arn:aws:states:us-east-1:000000000000:stateMachine:absent",
                ",\"End\":true"));
    DescribeExecutionResponse d = local.await(local.start(machine, "p1", "{\"n\":1}"));
    assertEquals(ExecutionStatus.FAILED, d.status());
    assertEquals("StepFunctions.StateMachineDoesNotExistException", d.error());
  }

  @Test
  void jsonataParentsPassTheirArgumentsAsCompiledWorkflowsDo() throws Exception {
    String machine =
        local.create(
            "compiled",
            """
            {"QueryLanguage":"JSONata","StartAt":"RunDouble","States":{"RunDouble":{"Type":"Task",
              "Resource":"arn:aws:states:::states:startExecution.sync:2",
              "Arguments":{"StateMachineArn":"%s","Input":"{%% {'n': $states.input.n + 1} %%}"},
              "Output":"{%% $states.result.Output.n %%}","End":true}}}
            """
                .formatted(doubler));
    DescribeExecutionResponse d = local.await(local.start(machine, "j1", "{\"n\":2}"));
    assertEquals(ExecutionStatus.SUCCEEDED, d.status(), d.cause());
    assertEquals("6", d.output());
  }
}
