package dev.statecraft.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Runs the work of a Task state for one {@code Resource}.
 *
 * <p>The engine asks each registered invoker in turn, most recently registered first, whether it
 * {@link #handles} the Resource, and calls the first that does. Lambda handlers registered with
 * {@link LocalEngine#registerLambda} are served by a built-in invoker for {@code
 * arn:aws:states:::lambda:invoke}, {@code ...lambda:invoke.waitForTaskToken} and plain function
 * ARNs. Register another with {@link LocalEngine#registerTaskInvoker}, for example to forward a
 * Lambda ARN to an HTTP endpoint.
 *
 * <p>Invocations run on their own threads and may block. Tasks are <em>at least once</em>: a Task
 * that was running when the process died runs again when the engine resumes, so make the work
 * idempotent.
 */
public interface TaskInvoker {
  /** Whether this invoker runs tasks with the given {@code Resource} ARN. */
  boolean handles(String resource);

  /**
   * Runs one task attempt and returns its result, which becomes {@code $states.result} (JSONata) or
   * the input of {@code ResultSelector} (JSONPath).
   *
   * @param request the resource, the evaluated Arguments/Parameters and the call's context
   * @return the task's result
   * @throws TaskFailedException to fail the task with an exact error name and cause; any other
   *     exception fails it with the exception's class name as error
   */
  JsonNode invoke(Request request) throws Exception;

  /**
   * One task attempt.
   *
   * @param resource the Task's {@code Resource}
   * @param arguments evaluated {@code Arguments} (JSONata) or {@code Parameters} (JSONPath); the
   *     effective input when the state has neither
   * @param executionArn the execution the task belongs to
   * @param stateName the Task state's name
   * @param taskToken the task token for {@code .waitForTaskToken} resources, else null
   * @param timeout how long the task may take ({@code TimeoutSeconds}), null if unlimited
   */
  record Request(
      String resource,
      JsonNode arguments,
      String executionArn,
      String stateName,
      String taskToken,
      Duration timeout) {}
}
