package dev.statecraft.testing;

import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.Callback;
import java.util.Objects;

/**
 * A {@code Durable.awaitCallback} of an engine run that waits for the test to answer: the activity
 * that received the {@link Callback} has returned and no {@link CallbackResponder} answered.
 * Complete it to resume the workflow, fail it to raise an error in it, or let it time out by
 * waiting for the run's result.
 *
 * <pre>{@code
 * WorkflowRun<Receipt> run = env.start(ApproveOrder.class, order);
 * PendingCallback approval = run.awaitCallback("ShopActivities.requestApproval");
 * approval.complete(new Approval(true, "ana"));
 * assertEquals("approved by ana", run.result().output().status());
 * }</pre>
 */
public final class PendingCallback {
  /** Where answers go: the engine. */
  interface Answers {
    void complete(String token, String answerJson);

    void fail(String token, String error, String cause);
  }

  private final Callback callback;
  private final ActivityCall call;
  private final Answers answers;

  PendingCallback(Callback callback, ActivityCall call, Answers answers) {
    this.callback = callback;
    this.call = call;
    this.answers = answers;
  }

  /** The task token the engine waits on. */
  public String token() {
    return callback.token();
  }

  /** The callback as the workflow handed it out, with the engine's token. */
  public Callback callback() {
    return callback;
  }

  /** The activity call that received the callback, as recorded. */
  public ActivityCall call() {
    return call;
  }

  /** {@code Interface.method} of the activity that received the callback. */
  public String activity() {
    return call.activity();
  }

  /** Resumes the workflow with {@code answer}, encoded with {@code ActivityJson}. */
  public void complete(Object answer) {
    answers.complete(token(), ActivityJson.write(answer));
  }

  /**
   * Fails the wait with an exception, as if an activity had thrown it: the error is named by its
   * class, and workflow code catching that class sees its message.
   */
  public void fail(Exception exception) {
    Objects.requireNonNull(exception, "exception");
    answers.fail(token(), exception.getClass().getName(), LambdaShapes.errorCause(exception));
  }

  /** Fails the wait with a raw Step Functions error name and cause. */
  public void fail(String error, String cause) {
    answers.fail(token(), Objects.requireNonNull(error, "error"), cause);
  }

  @Override
  public String toString() {
    return "PendingCallback[" + call + "]";
  }
}
