package dev.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.local.ExecutionResult;
import dev.statecraft.local.ExecutionStatus;
import dev.statecraft.local.HistoryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A workflow execution running on the embedded engine, started by {@link
 * WorkflowTestEnvironment#start}. The test answers its callbacks and then waits for its {@link
 * #result()}.
 *
 * <p>On virtual time the clock moves only while the test waits, in {@link #result()} or {@link
 * #awaitCallback}: in between, the workflow runs every step that takes no time, and a callback
 * waiting for the test cannot time out.
 *
 * <pre>{@code
 * WorkflowRun<Receipt> run = env.start(ApproveOrder.class, order);
 * run.awaitCallback("ShopActivities.requestApproval").complete(new Approval(true, "ana"));
 * EngineResult<Receipt> result = run.result();
 * }</pre>
 *
 * @param <O> the workflow method's return type
 */
public final class WorkflowRun<O> {
  private final EngineSession engine;
  private final TestClock clock;
  private final WorkflowClass workflow;
  private final RunRecorder run;
  private final Duration wallTimeout;

  WorkflowRun(
      EngineSession engine,
      TestClock clock,
      WorkflowClass workflow,
      RunRecorder run,
      Duration wallTimeout) {
    this.engine = engine;
    this.clock = clock;
    this.workflow = workflow;
    this.run = run;
    this.wallTimeout = wallTimeout;
  }

  /** The execution ARN, which is also what {@code Durable.executionId()} returns. */
  public String executionArn() {
    return run.executionId();
  }

  /** The activity attempts so far, in the order they ran. */
  public List<ActivityCall> activityCalls() {
    return run.calls();
  }

  /** The callbacks that wait for the test now, oldest first. */
  public List<PendingCallback> pendingCallbacks() {
    return run.pending().stream().filter(c -> engine.waiting(c.token())).toList();
  }

  /**
   * Resumes the wait holding {@code token} (as a fake saw it in its {@code Callback}) with {@code
   * answer}, encoded with {@code ActivityJson}.
   *
   * @throws IllegalStateException when that callback no longer waits
   */
  public void completeCallback(String token, Object answer) {
    engine.answers(run).complete(token, ActivityJson.write(answer));
  }

  /**
   * Fails the wait holding {@code token} with a raw Step Functions error name and cause; see also
   * {@link PendingCallback#fail(Exception)}.
   *
   * @throws IllegalStateException when that callback no longer waits
   */
  public void failCallback(String token, String error, String cause) {
    engine.answers(run).fail(token, error, cause);
  }

  /**
   * Waits, letting virtual time pass, until a callback waits for the test, and returns it.
   *
   * @throws AssertionError when the run finishes first, or nothing waits after the environment's
   *     wall-clock timeout
   */
  public PendingCallback awaitCallback() {
    return awaitCallback(c -> engine.waiting(c.token()), "a callback");
  }

  /**
   * Like {@link #awaitCallback()}, for the callback handed to {@code activity}, {@code
   * "Interface.method"} such as {@code "ShopActivities.requestApproval"}.
   */
  public PendingCallback awaitCallback(String activity) {
    return awaitCallback(
        c -> c.activity().equals(activity) && engine.waiting(c.token()),
        "a callback of " + activity);
  }

  private PendingCallback awaitCallback(Predicate<PendingCallback> match, String what) {
    Optional<PendingCallback> found;
    try {
      found =
          clock.letTimePassUntilCallback(
              () -> {
                Optional<PendingCallback> c;
                long deadline = System.nanoTime() + wallTimeout.toNanos();
                do {
                  c =
                      run.awaitPending(
                          match, () -> engine.finished(executionArn()), Duration.ofMillis(200));
                  if (c.isEmpty()) {
                    clock.release();
                  }
                } while (c.isEmpty()
                    && !engine.finished(executionArn())
                    && System.nanoTime() < deadline);
                return c;
              });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return found.orElseThrow(
        () ->
            new AssertionError(
                "no "
                    + what
                    + " is waiting; the run is "
                    + (engine.finished(executionArn()) ? "finished" : "still running")
                    + ", its activity calls: "
                    + run.calls()));
  }

  /**
   * Waits for the run to finish, letting virtual time pass, and returns how it ended. Callbacks
   * nobody answers time out on the way.
   *
   * @throws AssertionError when it still runs after the environment's wall-clock timeout
   * @throws IllegalStateException for a mistake in the test's set-up, such as an activity without
   *     an implementation; an {@link Error} a fake threw (a failed assertion) is rethrown
   */
  public EngineResult<O> result() {
    ExecutionResult r;
    try {
      r = clock.letTimePass(() -> engine.await(executionArn(), wallTimeout));
    } catch (TimeoutException e) {
      throw new AssertionError(
          executionArn()
              + " still runs after "
              + wallTimeout
              + " of wall time; waiting: "
              + pendingCallbacks()
              + ", activity calls: "
              + run.calls(),
          e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    rethrowProblems(run);
    List<HistoryEvent> history = engine.history(executionArn());
    Instant start = history.isEmpty() ? clock.now() : history.get(0).timestamp();
    Instant stop = history.isEmpty() ? start : history.get(history.size() - 1).timestamp();
    Outcome outcome =
        r.status() == ExecutionStatus.SUCCEEDED
            ? Outcome.returned(
                executionArn(), workflow, parse(r.outputJson()), run.calls(), start, stop)
            : Outcome.failed(
                executionArn(),
                WorkflowError.ofEngine(r.error(), r.cause()),
                run.calls(),
                start,
                stop);
    return new EngineResult<>(
        outcome, r.status(), r.outputJson(), r.error(), r.cause(), r.stateTransitions(), history);
  }

  static void rethrowProblems(RunRecorder run) {
    List<Throwable> problems = run.problems();
    if (problems.isEmpty()) {
      return;
    }
    Throwable first = problems.get(0);
    if (first instanceof TestSetupError) {
      IllegalStateException e = new IllegalStateException(first.getMessage());
      problems.stream().skip(1).forEach(e::addSuppressed);
      throw e;
    }
    throw DirectRuntime.sneaky(first);
  }

  private static JsonNode parse(String json) {
    try {
      return ActivityJson.mapper().readTree(json == null ? "null" : json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "WorkflowRun[" + executionArn() + "]";
  }
}
