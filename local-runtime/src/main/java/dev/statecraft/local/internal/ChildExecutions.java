package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.local.ExecutionAlreadyExistsException;
import dev.statecraft.local.ExecutionDescription;
import dev.statecraft.local.ExecutionStatus;
import dev.statecraft.local.StateMachineDoesNotExistException;
import dev.statecraft.local.TaskFailedException;
import dev.statecraft.local.TaskInvoker;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Step Functions' integration with itself, {@code arn:aws:states:::states:startExecution}: a Task
 * starts an execution of another state machine of the same engine.
 *
 * <ul>
 *   <li>{@code startExecution}: the task succeeds at once with {@code {ExecutionArn, StartDate}}.
 *   <li>{@code startExecution.sync:2} and {@code .sync}: the task waits, without holding a thread,
 *       until the child has finished, and succeeds with the child's {@code DescribeExecution}
 *       fields ({@code ExecutionArn, Input, Name, Output, StartDate, StateMachineArn, Status,
 *       StopDate}, dates in epoch milliseconds), {@code Input} and {@code Output} parsed for {@code
 *       :2} and JSON text for {@code .sync}. A child that fails, times out or is stopped fails the
 *       task with {@code States.TaskFailed} and those fields, {@code Error} and {@code Cause}
 *       included, as JSON in the cause.
 *   <li>{@code startExecution.waitForTaskToken}: starts the child; the token completes the task.
 * </ul>
 *
 * <p>The child is named by the {@code Name} argument, else by a UUID derived from the parent's task
 * attempt: a parent resumed after a restart runs the task again, and starting an execution is
 * idempotent by name, so it finds the child it started instead of starting another.
 */
final class ChildExecutions {
  static final String RESOURCE = "arn:aws:states:::states:startExecution";

  private final Engine engine;

  ChildExecutions(Engine engine) {
    this.engine = engine;
  }

  boolean handles(String resource) {
    return resource.equals(RESOURCE)
        || resource.equals(RESOURCE + ".sync")
        || resource.equals(RESOURCE + ".sync:2")
        || resource.equals(RESOURCE + ".waitForTaskToken");
  }

  /** Runs attempt {@code attempt} of the task {@code b} is at; on a task thread. */
  void run(Branch b, int attempt, TaskInvoker.Request request) {
    ExecutionDescription child = start(request, Tokens.taskKey(b, attempt));
    String resource = request.resource();
    if (resource.endsWith(".waitForTaskToken")) {
      return;
    }
    if (resource.equals(RESOURCE)) {
      ObjectNode started = JsonCodec.object();
      started.put("ExecutionArn", child.executionArn());
      started.put("StartDate", child.startDate().toEpochMilli());
      engine.completeTask(b, attempt, started, null, false);
      return;
    }
    boolean parsed = resource.endsWith(":2");
    engine.whenFinished(child.executionArn(), done -> finished(b, attempt, done, parsed));
  }

  private ExecutionDescription start(TaskInvoker.Request request, String taskKey) {
    JsonNode arguments = request.arguments();
    JsonNode arn = arguments.get("StateMachineArn");
    if (arn == null || !arn.isTextual()) {
      throw new TaskFailedException(
          "States.Runtime", "The field 'StateMachineArn' is required for " + request.resource());
    }
    String machine = Arns.stateMachineName(arn.textValue());
    if (machine == null) {
      throw serviceError("InvalidArn", "Invalid Arn: '" + arn.textValue() + "'");
    }
    JsonNode name = arguments.get("Name");
    String executionName =
        name != null && name.isTextual()
            ? name.textValue()
            : UUID.nameUUIDFromBytes(taskKey.getBytes(StandardCharsets.UTF_8)).toString();
    JsonNode input = arguments.get("Input");
    String inputJson =
        input == null ? "{}" : input.isTextual() ? input.textValue() : JsonCodec.write(input);
    String executionArn;
    try {
      executionArn = engine.startExecution(machine, executionName, inputJson);
    } catch (StateMachineDoesNotExistException e) {
      throw serviceError("StateMachineDoesNotExist", e.getMessage());
    } catch (ExecutionAlreadyExistsException e) {
      throw serviceError("ExecutionAlreadyExists", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw serviceError("InvalidExecutionInput", e.getMessage());
    }
    return engine
        .describeExecution(executionArn)
        .orElseThrow(() -> new IllegalStateException("the child vanished: " + executionArn));
  }

  private void finished(Branch b, int attempt, ExecutionDescription child, boolean parsed) {
    ObjectNode description = JsonCodec.object();
    description.put("ExecutionArn", child.executionArn());
    putData(description, "Input", child.inputJson(), parsed);
    description.putObject("InputDetails").put("Included", true);
    description.put("Name", child.name());
    boolean succeeded = child.status() == ExecutionStatus.SUCCEEDED;
    if (succeeded) {
      putData(description, "Output", child.outputJson(), parsed);
      description.putObject("OutputDetails").put("Included", true);
    }
    description.put("StartDate", child.startDate().toEpochMilli());
    description.put("StateMachineArn", child.stateMachineArn());
    description.put("Status", child.status().name());
    description.put("StopDate", child.stopDate().toEpochMilli());
    if (succeeded) {
      engine.completeTask(b, attempt, description, null, false);
      return;
    }
    if (child.error() != null) {
      description.put("Error", child.error());
    }
    if (child.cause() != null) {
      description.put("Cause", child.cause());
    }
    StatesError error = StatesError.taskFailure("States.TaskFailed", JsonCodec.write(description));
    engine.completeTask(b, attempt, null, error, false);
  }

  private static void putData(ObjectNode node, String field, String json, boolean parsed) {
    if (parsed) {
      node.set(field, JsonCodec.parse(json == null ? "null" : json));
    } else {
      node.put(field, json);
    }
  }

  /** An error of the StartExecution call, named as the integration names service errors. */
  private static TaskFailedException serviceError(String code, String message) {
    return new TaskFailedException(
        "StepFunctions." + code + "Exception",
        message + " (Service: AWSStepFunctions; Status Code: 400; Error Code: " + code + ")");
  }
}
