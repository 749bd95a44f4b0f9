package dev.statecraft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/**
 * StartExecution, StartSyncExecution, DescribeExecution, ListExecutions, GetExecutionHistory and
 * StopExecution.
 */
class ExecutionApiTest extends LocalSfnTest {
  @Test
  void startedExecutionsRunToTheirOutput() throws Exception {
    String machine = local.create("double", LocalSfn.DOUBLE);
    StartExecutionResponse started =
        local.sfn.startExecution(b -> b.stateMachineArn(machine).name("e1").input("{\"n\":21}"));
    assertEquals(
        "arn:aws:states:us-east-1:000000000000:execution:double:e1", started.executionArn());
    assertNotNull(started.startDate());
    DescribeExecutionResponse d = local.await(started.executionArn());
    assertEquals(ExecutionStatus.SUCCEEDED, d.status());
    assertEquals(42, LocalSfn.parse(d.output()).path("n").asInt());
    assertEquals("{\"n\":21}", d.input());
    assertEquals(machine, d.stateMachineArn());
    assertEquals("e1", d.name());
    assertEquals(started.startDate(), d.startDate());
    assertNotNull(d.stopDate());
    assertFalse(d.stopDate().isBefore(d.startDate()));
    assertTrue(d.inputDetails().included());
    assertTrue(d.outputDetails().included());
  }

  @Test
  void startWithoutNameOrInputUsesAUuidAndAnEmptyObject() throws Exception {
    String machine = local.create("pass", LocalSfn.PASS);
    String arn = local.sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
    assertTrue(arn.matches(".*:execution:pass:[0-9a-f-]{36}"), arn);
    assertEquals("{\"r\":{\"ok\":true}}", local.await(arn).output());
  }

  @Test
  void startIsIdempotentByNameWhileRunning() throws Exception {
    String machine = local.create("waits", LocalSfn.WAIT_AN_HOUR);
    StartExecutionResponse first =
        local.sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{\"a\":1}"));
    StartExecutionResponse second =
        local.sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{\"a\":1}"));
    assertEquals(first.executionArn(), second.executionArn());
    assertEquals(first.startDate(), second.startDate());
    assertEquals(1, local.sfn.listExecutions(b -> b.stateMachineArn(machine)).executions().size());

    ExecutionAlreadyExistsException different =
        assertThrows(
            ExecutionAlreadyExistsException.class,
            () ->
                local.sfn.startExecution(
                    b -> b.stateMachineArn(machine).name("once").input("{\"a\":2}")));
    assertEquals("ExecutionAlreadyExists", different.awsErrorDetails().errorCode());

    local.sfn.stopExecution(b -> b.executionArn(first.executionArn()));
    assertThrows(
        ExecutionAlreadyExistsException.class,
        () ->
            local.sfn.startExecution(
                b -> b.stateMachineArn(machine).name("once").input("{\"a\":1}")));
  }

  @Test
  void startRefusesBadInputNamesAndStateMachines() {
    String machine = local.create("pass", LocalSfn.PASS);
    InvalidExecutionInputException input =
        assertThrows(
            InvalidExecutionInputException.class,
            () -> local.sfn.startExecution(b -> b.stateMachineArn(machine).input("{not json")));
    assertEquals("InvalidExecutionInput", input.awsErrorDetails().errorCode());
    assertThrows(
        InvalidNameException.class,
        () -> local.sfn.startExecution(b -> b.stateMachineArn(machine).name("a/b")));
    assertThrows(
        StateMachineDoesNotExistException.class,
        () ->
            local.sfn.startExecution(
                b -> b.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:no")));
    assertThrows(
        InvalidArnException.class,
        () -> local.sfn.startExecution(b -> b.stateMachineArn("arn:aws:s3:::bucket")));
  }

  @Test
  void startSyncExecutionAnswersWithTheResult() {
    String machine = local.create("double", LocalSfn.DOUBLE);
    StartSyncExecutionResponse ok =
        local.sfn.startSyncExecution(b -> b.stateMachineArn(machine).input("{\"n\":5}"));
    assertEquals(SyncExecutionStatus.SUCCEEDED, ok.status());
    assertEquals(10, LocalSfn.parse(ok.output()).path("n").asInt());
    assertEquals(machine, ok.stateMachineArn());
    assertNotNull(ok.startDate());
    assertNotNull(ok.stopDate());
    assertEquals("{\"n\":5}", ok.input());
    assertTrue(ok.billingDetails().billedDurationInMilliseconds() >= 100);

    String failing = local.create("fails", LocalSfn.FAIL);
    StartSyncExecutionResponse failed =
        local.sfn.startSyncExecution(b -> b.stateMachineArn(failing).name("f1"));
    assertEquals(SyncExecutionStatus.FAILED, failed.status());
    assertEquals("Custom.Error", failed.error());
    assertEquals("it broke", failed.cause());
    assertNull(failed.output());
  }

  @Test
  void describeOfAnUnknownExecutionFails() {
    ExecutionDoesNotExistException e =
        assertThrows(
            ExecutionDoesNotExistException.class,
            () ->
                local.sfn.describeExecution(
                    b ->
                        b.executionArn(
                            "arn:aws:states:us-east-1:000000000000:execution:nope:nothing")));
    assertEquals("ExecutionDoesNotExist", e.awsErrorDetails().errorCode());
    assertThrows(
        InvalidArnException.class, () -> local.sfn.describeExecution(b -> b.executionArn("x")));
  }

  @Test
  void stopAbortsARunningExecutionWithItsErrorAndCause() throws Exception {
    String machine = local.create("waits", LocalSfn.WAIT_AN_HOUR);
    String exec = local.start(machine, "stopped", "{}");
    var stop =
        local.sfn.stopExecution(b -> b.executionArn(exec).error("Operator").cause("changed mind"));
    assertNotNull(stop.stopDate());
    DescribeExecutionResponse d = local.sfn.describeExecution(b -> b.executionArn(exec));
    assertEquals(ExecutionStatus.ABORTED, d.status());
    assertEquals("Operator", d.error());
    assertEquals("changed mind", d.cause());
    assertEquals(stop.stopDate(), d.stopDate());
    assertThrows(
        ExecutionDoesNotExistException.class,
        () ->
            local.sfn.stopExecution(
                b -> b.executionArn("arn:aws:states:us-east-1:000000000000:execution:waits:no")));
  }

  @Test
  void listExecutionsFiltersByStatusAndPagesNewestFirst() throws Exception {
    String machine = local.create("waits", LocalSfn.WAIT_AN_HOUR);
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      started.add(local.start(machine, "run-" + i, "{}"));
      Thread.sleep(2);
    }
    local.sfn.stopExecution(b -> b.executionArn(started.get(1)));
    local.sfn.stopExecution(b -> b.executionArn(started.get(3)));

    List<String> listed = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListExecutionsResponse page =
          local.sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(2).nextToken(next));
      assertTrue(page.executions().size() <= 2);
      page.executions().forEach(e -> listed.add(e.executionArn()));
      token = page.nextToken();
    } while (token != null);
    assertEquals(
        List.of(started.get(4), started.get(3), started.get(2), started.get(1), started.get(0)),
        listed);

    List<ExecutionListItem> aborted =
        local
            .sfn
            .listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.ABORTED))
            .executions();
    assertEquals(
        List.of(started.get(3), started.get(1)),
        aborted.stream().map(ExecutionListItem::executionArn).toList());
    assertTrue(
        aborted.stream()
            .allMatch(e -> e.stopDate() != null && e.status() == ExecutionStatus.ABORTED));
    ExecutionListItem running =
        local
            .sfn
            .listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.RUNNING))
            .executions()
            .get(0);
    assertEquals("run-4", running.name());
    assertNull(running.stopDate());
    assertEquals(machine, running.stateMachineArn());

    String otherMachine = local.create("other", LocalSfn.PASS);
    String firstPageToken =
        local.sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(1)).nextToken();
    assertThrows(
        InvalidTokenException.class,
        () ->
            local.sfn.listExecutions(
                b -> b.stateMachineArn(otherMachine).nextToken(firstPageToken)));
    assertThrows(
        StateMachineDoesNotExistException.class,
        () ->
            local.sfn.listExecutions(
                b -> b.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:no")));
    SfnException badStatus =
        assertThrows(
            SfnException.class,
            () -> local.sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter("DONE")));
    assertEquals("ValidationException", badStatus.awsErrorDetails().errorCode());
  }

  @Test
  void historyHasTheShapeOfStepFunctionsEvents() throws Exception {
    String machine = local.create("double", LocalSfn.DOUBLE);
    String exec = local.start(machine, "h", "{\"n\":2}");
    local.await(exec);
    List<HistoryEvent> events = local.sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
    assertEquals(
        List.of(
            HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.TASK_STATE_ENTERED,
            HistoryEventType.TASK_SCHEDULED,
            HistoryEventType.TASK_STARTED,
            HistoryEventType.TASK_SUCCEEDED,
            HistoryEventType.TASK_STATE_EXITED,
            HistoryEventType.EXECUTION_SUCCEEDED),
        events.stream().map(HistoryEvent::type).toList());
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.get(i).id());
      assertNotNull(events.get(i).timestamp());
    }
    assertEquals(0, events.get(0).previousEventId());
    assertEquals(1, events.get(1).previousEventId());
    assertEquals("{\"n\":2}", events.get(0).executionStartedEventDetails().input());
    assertNotNull(events.get(0).executionStartedEventDetails().roleArn());
    assertEquals("Double", events.get(1).stateEnteredEventDetails().name());
    assertEquals("lambda", events.get(2).taskScheduledEventDetails().resourceType());
    assertEquals("invoke", events.get(2).taskScheduledEventDetails().resource());
    assertEquals("us-east-1", events.get(2).taskScheduledEventDetails().region());
    assertEquals(
        "double",
        LocalSfn.parse(events.get(2).taskScheduledEventDetails().parameters())
            .path("FunctionName")
            .asText());
    assertEquals(
        4,
        LocalSfn.parse(events.get(4).taskSucceededEventDetails().output())
            .path("Payload")
            .path("n")
            .asInt());
    assertEquals("Double", events.get(5).stateExitedEventDetails().name());
    assertEquals("{\"n\":4}", events.get(6).executionSucceededEventDetails().output());
    assertNull(events.get(1).executionStartedEventDetails());
  }

  @Test
  void historyPagesForwardAndBackwardAndCanLeaveDataOut() throws Exception {
    String machine = local.create("double", LocalSfn.DOUBLE);
    String exec = local.start(machine, "paged", "{\"n\":2}");
    local.await(exec);
    List<Long> all =
        local.sfn.getExecutionHistory(b -> b.executionArn(exec)).events().stream()
            .map(HistoryEvent::id)
            .toList();
    assertEquals(7, all.size());

    assertEquals(all, pagedIds(exec, false));
    List<Long> reversed = new ArrayList<>(all);
    java.util.Collections.reverse(reversed);
    assertEquals(reversed, pagedIds(exec, true));

    GetExecutionHistoryResponse bare =
        local.sfn.getExecutionHistory(b -> b.executionArn(exec).includeExecutionData(false));
    assertNull(bare.events().get(0).executionStartedEventDetails().input());
    assertNull(bare.events().get(1).stateEnteredEventDetails().input());
    assertEquals("Double", bare.events().get(1).stateEnteredEventDetails().name());

    String token =
        local.sfn.getExecutionHistory(b -> b.executionArn(exec).maxResults(3)).nextToken();
    assertThrows(
        InvalidTokenException.class,
        () ->
            local.sfn.getExecutionHistory(
                b -> b.executionArn(exec).reverseOrder(true).nextToken(token)));
    assertThrows(
        ExecutionDoesNotExistException.class,
        () ->
            local.sfn.getExecutionHistory(
                b -> b.executionArn("arn:aws:states:us-east-1:000000000000:execution:double:no")));
  }

  private List<Long> pagedIds(String exec, boolean reverse) {
    List<Long> ids = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      GetExecutionHistoryResponse page =
          local.sfn.getExecutionHistory(
              b -> b.executionArn(exec).maxResults(3).reverseOrder(reverse).nextToken(next));
      assertTrue(page.events().size() <= 3);
      page.events().forEach(e -> ids.add(e.id()));
      token = page.nextToken();
    } while (token != null);
    return ids;
  }
}
