package dev.statecraft.testing;

import dev.statecraft.api.Callback;
import dev.statecraft.api.CallbackTimeout;
import java.util.Iterator;
import java.util.List;

/**
 * Answers the callbacks of {@code Durable.awaitCallback} automatically, in both modes, so one test
 * drives the engine and direct mode alike. It is asked right after the activity that received the
 * {@link Callback} returned.
 *
 * <ul>
 *   <li>Return the answer: it is encoded with {@code ActivityJson} and the wait returns it decoded
 *       as the type the workflow asked for.
 *   <li>Throw {@link CallbackTimeout} to let nobody answer: the wait times out once its timeout has
 *       passed on the clock, and the workflow sees {@code CallbackTimeout}.
 *   <li>Throw any other exception to fail the wait with it, as if an activity had thrown it: the
 *       error is named by the exception's class.
 * </ul>
 *
 * <pre>{@code
 * env.onCallback((callback, call) -> {
 *   Order order = call.argument("order", Order.class);
 *   return new Approval(order.quantity() < 10, "ana");
 * });
 * }</pre>
 */
@FunctionalInterface
public interface CallbackResponder {
  /**
   * Answers one callback.
   *
   * @param callback the callback the workflow handed out
   * @param call the activity call that received it, with its arguments
   * @return the answer
   * @throws Exception to fail the wait, or {@link CallbackTimeout} to let it time out
   */
  Object answer(Callback callback, ActivityCall call) throws Exception;

  /**
   * Answers the callbacks of a run with {@code answers}, one each, in the order the workflow hands
   * them out; an answer that is an {@link Exception} is thrown instead ({@link CallbackTimeout} to
   * let the wait time out). Give each run a new one.
   *
   * <pre>{@code
   * env.onCallback(CallbackResponder.inOrder(new Approval(true, "ana"), new CallbackTimeout("late")));
   * }</pre>
   *
   * @throws IllegalStateException from {@link #answer} when the workflow asks for more answers
   */
  static CallbackResponder inOrder(Object... answers) {
    Iterator<Object> next = List.of(answers).iterator();
    return (callback, call) -> {
      if (!next.hasNext()) {
        throw new IllegalStateException(
            "callback "
                + callback.token()
                + " asks for answer "
                + (answers.length + 1)
                + " of "
                + answers.length);
      }
      Object answer = next.next();
      if (answer instanceof Exception e) {
        throw e;
      }
      return answer;
    };
  }
}
