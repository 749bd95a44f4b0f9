package dev.statecraft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import demo.approval.Approval;
import demo.approval.ApprovalActivities;
import demo.approval.ApproveAll;
import demo.approval.ApproveRequest;
import demo.approval.Decision;
import demo.approval.OutOfStock;
import demo.approval.Request;
import dev.statecraft.api.Callback;
import dev.statecraft.api.CallbackTimeout;
import dev.statecraft.local.HistoryEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The harness on workflows with a try/catch around an activity, a callback with a 24-hour timeout,
 * a six-hour sleep, a {@code Durable.map} and a child workflow: the engine against the compiled
 * ASL, direct mode as plain Java, and the two compared.
 */
class ApproveRequestTest {
  private static final Path SOURCES = Path.of("src/test/resources/approval");

  @RegisterExtension
  static final WorkflowTestExtension workflows =
      new WorkflowTestExtension(WorkflowTestEnvironment.builder().sourceDir(SOURCES));

  private static final Request REQUEST = new Request("r-1", "sku-7", 4);

  @Test
  void engineCallbackCompletedFromTheTestResumesTheWorkflow(WorkflowTestEnvironment env) {
    FakeApprovals acts = new FakeApprovals();
    env.registerActivities(ApprovalActivities.class, acts);

    WorkflowRun<Decision> run = env.start(ApproveRequest.class, REQUEST);
    PendingCallback pending = run.awaitCallback("ApprovalActivities.requestApproval");
    assertEquals(REQUEST, pending.call().argument("request", Request.class));
    assertEquals(acts.callbacks.get(0), pending.callback());
    assertEquals(
        "http://localhost/statecraft/callbacks?token=callback-1",
        pending.call().argument("callback", Callback.class).url());
    pending.complete(new Approval(true, "ana"));
    EngineResult<Decision> result = run.result();

    assertEquals(new Decision("r-1", "approved by ana", "S-R-sku-7x4"), result.output());
    assertEquals(
        List.of(
            "ApprovalActivities.reserve",
            "ApprovalActivities.requestApproval",
            "ApprovalActivities.ship"),
        activities(result));
    assertTrue(run.pendingCallbacks().isEmpty());
  }

  @Test
  void engineCallbackCompletedByTheTokenAFakeSawResumesTheWorkflow(WorkflowTestEnvironment env) {
    FakeApprovals acts = new FakeApprovals();
    env.registerActivities(ApprovalActivities.class, acts);

    WorkflowRun<Decision> run = env.start(ApproveRequest.class, REQUEST);
    run.awaitCallback();
    run.completeCallback(acts.callbacks.get(0).token(), new Approval(true, "cy"));

    assertEquals("approved by cy", run.result().output().status());
    assertThrows(
        IllegalStateException.class,
        () -> run.completeCallback(acts.callbacks.get(0).token(), new Approval(true, "cy")));
  }

  @Test
  void engineSixHourSleepTakesNoWallTimeWhileHistoryShowsTheHours(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals());
    env.onCallback((callback, call) -> new Approval(true, "ana"));
    env.run(ApproveRequest.class, REQUEST); // compiles and warms up the engine

    long wallStart = System.nanoTime();
    EngineResult<Decision> result = env.run(ApproveRequest.class, REQUEST);
    Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);

    assertEquals("approved by ana", result.output().status());
    HistoryEvent entered = event(result, "WaitStateEntered");
    HistoryEvent exited = event(result, "WaitStateExited");
    assertEquals(Duration.ofHours(6), Duration.between(entered.timestamp(), exited.timestamp()));
    assertEquals(Duration.ofHours(6), result.duration());
    assertTrue(wall.compareTo(Duration.ofSeconds(1)) < 0, () -> "took " + wall + " of wall time");
  }

  @Test
  void directSixHourSleepAdvancesTheVirtualClock(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals());
    env.onCallback((callback, call) -> new Approval(true, "ana"));

    DirectResult<Decision> result = env.runDirect(ApproveRequest.class, REQUEST);

    assertEquals(new Decision("r-1", "approved by ana", "S-R-sku-7x4"), result.output());
    assertEquals(Duration.ofHours(6), result.duration());
  }

  @Test
  void engineResponderDrivesBothModesAlike(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals());
    env.onCallback(
        (callback, call) ->
            new Approval(call.argument("request", Request.class).amount() < 10, "bo"));

    EngineResult<Decision> onEngine = env.run(ApproveRequest.class, REQUEST);
    DirectResult<Decision> direct = env.runDirect(ApproveRequest.class, REQUEST);

    assertEquals("approved by bo", onEngine.output().status());
    assertEquals(direct.outputJson(), onEngine.outputJson());
    assertEquals(direct.activityCalls(), onEngine.activityCalls());
  }

  @Test
  void engineUnansweredCallbackTimesOutAfterADayInBothModes(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals());

    EngineResult<Decision> onEngine = env.run(ApproveRequest.class, REQUEST);
    DirectResult<Decision> direct = env.runDirect(ApproveRequest.class, REQUEST);

    assertEquals(new Decision("r-1", "expired", ""), onEngine.output());
    assertEquals(direct.outputJson(), onEngine.outputJson());
    assertEquals(direct.activityCalls(), onEngine.activityCalls());
    assertEquals(Duration.ofHours(24), onEngine.duration());
    assertEquals(Duration.ofHours(24), direct.duration());
  }

  @Test
  void engineResponderCanLetTheCallbackTimeOut(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals());
    env.onCallback(
        (callback, call) -> {
          throw new CallbackTimeout("nobody is in the office");
        });

    assertEquals("expired", env.<Decision>run(ApproveRequest.class, REQUEST).output().status());
    assertEquals(
        "expired", env.<Decision>runDirect(ApproveRequest.class, REQUEST).output().status());
  }

  @Test
  void inOrderAnswersEachRunsCallbacksInTurnAndRefusesExtraOnes(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals());
    env.onCallback(
        CallbackResponder.inOrder(
            new Approval(true, "ana"), new CallbackTimeout("nobody is in the office")));

    assertEquals(
        "approved by ana", env.<Decision>run(ApproveRequest.class, REQUEST).output().status());
    assertEquals("expired", env.<Decision>run(ApproveRequest.class, REQUEST).output().status());
    CallbackResponder none = CallbackResponder.inOrder();
    IllegalStateException extra =
        assertThrows(
            IllegalStateException.class,
            () -> none.answer(new dev.statecraft.api.Callback("t-1", "http://x"), null));
    assertTrue(extra.getMessage().contains("answer 1 of 0"), extra::getMessage);
  }

  @Test
  void engineRejectionFailsWithTheWorkflowsErrorName(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals());
    env.onCallback((callback, call) -> new Approval(false, "bob"));

    EngineResult<Decision> onEngine = env.run(ApproveRequest.class, REQUEST);
    DirectResult<Decision> direct = env.runDirect(ApproveRequest.class, REQUEST);

    WorkflowError expected = new WorkflowError("Rejected", "r-1 rejected by bob");
    assertEquals(Optional.of(expected), onEngine.failure());
    assertEquals(Optional.of(expected), direct.failure());
  }

  @Test
  void engineFailedCallbackRaisesTheExceptionInTheWorkflow(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals());
    WorkflowRun<Decision> run = env.start(ApproveRequest.class, REQUEST);
    run.awaitCallback().fail(new OutOfStock("sold meanwhile"));
    EngineResult<Decision> onEngine = run.result();

    env.onCallback(
        (callback, call) -> {
          throw new OutOfStock("sold meanwhile");
        });
    DirectResult<Decision> direct = env.runDirect(ApproveRequest.class, REQUEST);

    WorkflowError expected = new WorkflowError("demo.approval.OutOfStock", "sold meanwhile");
    assertEquals(Optional.of(expected), onEngine.failure());
    assertEquals(Optional.of(expected), direct.failure());
  }

  @Test
  void directCaughtActivityExceptionGivesItsMessage(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals(new OutOfStock("3 left")));

    DirectResult<Decision> direct = env.runDirect(ApproveRequest.class, REQUEST);

    assertEquals(new Decision("r-1", "out of stock: 3 left", ""), direct.output());
    assertEquals(
        new WorkflowError("demo.approval.OutOfStock", "3 left"),
        direct.activityCalls().get(0).error());
  }

  @Test
  void engineCaughtActivityExceptionGivesItsMessageInBothModes(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals(new OutOfStock("3 left")));

    EngineResult<Decision> onEngine = env.run(ApproveRequest.class, REQUEST);
    DirectResult<Decision> direct = env.runDirect(ApproveRequest.class, REQUEST);

    assertEquals(new Decision("r-1", "out of stock: 3 left", ""), onEngine.output());
    assertEquals(direct.outputJson(), onEngine.outputJson());
    assertEquals(direct.activityCalls(), onEngine.activityCalls());
    assertEquals(
        new WorkflowError("demo.approval.OutOfStock", "3 left"),
        onEngine.activityCalls().get(0).error());
  }

  @Test
  void engineChildWorkflowRunsAsItsOwnExecutionAndAgreesWithDirectMode(
      WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals());
    env.onCallback((callback, call) -> new Approval(true, "ana"));
    List<Request> one = List.of(REQUEST);

    EngineResult<List<String>> onEngine = env.run(ApproveAll.class, one);
    DirectResult<List<String>> direct = env.runDirect(ApproveAll.class, one);

    assertEquals(List.of("approved by ana", "R-sku-7x1"), onEngine.output());
    assertEquals(direct.outputJson(), onEngine.outputJson());
    assertEquals(direct.activityCalls(), onEngine.activityCalls());
    assertEquals(Duration.ofHours(6), onEngine.duration());
  }

  @Test
  void engineChildFailureIsReportedWithTheChildsErrorInBothModes(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals());
    env.onCallback((callback, call) -> new Approval(false, "bob"));

    EngineResult<List<String>> onEngine = env.run(ApproveAll.class, List.of(REQUEST));
    DirectResult<List<String>> direct = env.runDirect(ApproveAll.class, List.of(REQUEST));

    assertEquals("States.TaskFailed", onEngine.error());
    WorkflowError expected = new WorkflowError("Rejected", "r-1 rejected by bob");
    assertEquals(Optional.of(expected), onEngine.failure());
    assertEquals(Optional.of(expected), direct.failure());
    assertEquals(direct.activityCalls(), onEngine.activityCalls());
  }

  @Test
  void engineMapItemsRunConcurrentlyWhileDirectModeRunsThemInOrder(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals());
    env.onCallback((callback, call) -> new Approval(true, "ana"));
    List<Request> three =
        List.of(REQUEST, new Request("r-2", "sku-8", 1), new Request("r-3", "sku-9", 2));

    EngineResult<List<String>> onEngine = env.run(ApproveAll.class, three);
    DirectResult<List<String>> direct = env.runDirect(ApproveAll.class, three);

    assertEquals(direct.outputJson(), onEngine.outputJson());
    List<String> skus =
        direct.activityCalls().subList(0, 3).stream()
            .map(c -> c.argument("sku", String.class))
            .toList();
    assertEquals(List.of("sku-7", "sku-8", "sku-9"), skus);
    // The engine's three Map iterations interleave as they ran; the calls are the same.
    assertEquals(
        sorted(direct.activityCalls().subList(0, 3)),
        sorted(onEngine.activityCalls().subList(0, 3)));
    assertEquals(direct.activityCalls().subList(3, 6), onEngine.activityCalls().subList(3, 6));
  }

  @Test
  void directModeHasNobodyToAnswerWithoutAResponder(WorkflowTestEnvironment env) {
    FakeApprovals acts = new FakeApprovals();
    env.registerActivities(ApprovalActivities.class, acts);

    DirectResult<Decision> result = env.runDirect(ApproveRequest.class, REQUEST);

    assertEquals("expired", result.output().status());
    assertEquals(
        List.of(
            new Callback("callback-1", "http://localhost/statecraft/callbacks?token=callback-1")),
        acts.callbacks);
  }

  @Test
  void directFailedCallbackWithoutCatchFailsTheRun(WorkflowTestEnvironment env) {
    env.registerActivities(ApprovalActivities.class, new FakeApprovals());
    env.onCallback(
        (callback, call) -> {
          throw new IllegalStateException("mailbox full");
        });

    DirectResult<Decision> result = env.runDirect(ApproveRequest.class, REQUEST);

    assertEquals(
        Optional.of(new WorkflowError("java.lang.IllegalStateException", "mailbox full")),
        result.failure());
    assertThrows(AssertionError.class, result::output);
  }

  private static List<String> sorted(List<ActivityCall> calls) {
    return calls.stream().map(ActivityCall::toString).sorted().toList();
  }

  private static HistoryEvent event(EngineResult<?> result, String type) {
    return result.history().stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
  }

  private static List<String> activities(WorkflowResult<?> result) {
    return result.activityCalls().stream().map(ActivityCall::activity).toList();
  }
}
