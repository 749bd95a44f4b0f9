package dev.statecraft.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.ActivityTimeout;
import dev.statecraft.api.Callback;
import dev.statecraft.api.CallbackTimeout;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.local.EngineOptions;
import dev.statecraft.local.ExecutionResult;
import dev.statecraft.local.HistoryEvent;
import dev.statecraft.local.LocalEngine;
import dev.statecraft.local.TaskFailedException;
import dev.statecraft.local.TaskInvoker;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One embedded engine running an environment's compiled workflows: every state machine created,
 * Lambda tasks served by the registered implementations, child workflows started as executions of
 * their own, and each execution's calls recorded on the run it belongs to.
 */
final class EngineSession implements AutoCloseable {
  private static final String LAMBDA = "arn:aws:states:::lambda:invoke";
  private static final String LAMBDA_CALLBACK = LAMBDA + ".waitForTaskToken";

  private final LocalEngine engine;
  private final TestClock clock;
  private final Compilation compilation;
  private final ActivityRegistry registry;
  private final Supplier<CallbackResponder> responder;
  private final Map<String, RunRecorder> runs = new ConcurrentHashMap<>();
  private final Map<String, ChildExecution> children = new ConcurrentHashMap<>();

  /** A child execution and the parent task waiting for it. */
  private record ChildExecution(
      String parentToken, String stateMachineArn, String name, JsonNode input, Instant start) {}

  EngineSession(
      Compilation compilation,
      ActivityRegistry registry,
      Supplier<CallbackResponder> responder,
      TestClock clock) {
    this.compilation = compilation;
    this.registry = registry;
    this.responder = responder;
    this.clock = clock;
    Map<String, String> definitions = compilation.definitions(ActivityBinding.CALLBACK_URL);
    this.engine =
        LocalEngine.open(
            EngineOptions.inMemory()
                .withTime(clock)
                .withListener(this::childEvent)
                .withWorkerThreads(2));
    engine.registerTaskInvoker(new ActivityTasks());
    engine.registerTaskInvoker(new ChildTasks());
    definitions.forEach(engine::createStateMachine);
  }

  /**
   * Registers a definition written outside the compiler as state machine {@code name}, its
   * placeholders resolved as the compiled ones are.
   *
   * @throws IllegalArgumentException when the engine rejects the definition
   */
  void define(String name, String definitionJson) {
    engine.createStateMachine(
        name, compilation.runnable(definitionJson, ActivityBinding.CALLBACK_URL));
  }

  /** Starts an execution whose activity calls {@code run} records; returns its ARN. */
  String start(String workflow, String executionName, String inputJson, RunRecorder run) {
    runs.put(run.executionId(), run);
    return engine.startExecution(workflow, executionName, inputJson);
  }

  ExecutionResult await(String arn, Duration wallTimeout) throws TimeoutException {
    return engine.awaitResult(arn, wallTimeout);
  }

  boolean finished(String arn) {
    return engine.describe(arn).map(r -> r.status().isTerminal()).orElse(true);
  }

  /** Whether the callback task holding {@code token} still waits for an answer. */
  boolean waiting(String token) {
    try {
      // Harmless for compiled tasks, which have no HeartbeatSeconds; throws for a dead token.
      engine.sendTaskHeartbeat(token);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  List<HistoryEvent> history(String arn) {
    return engine.history(arn);
  }

  /** Where a test's answers to {@code run}'s callbacks go. */
  PendingCallback.Answers answers(RunRecorder run) {
    return new PendingCallback.Answers() {
      @Override
      public void complete(String token, String answerJson) {
        run.answered(token);
        try {
          engine.sendTaskSuccess(token, answerJson);
        } catch (IllegalArgumentException e) {
          throw noLongerWaiting(e);
        }
      }

      @Override
      public void fail(String token, String error, String cause) {
        run.answered(token);
        try {
          engine.sendTaskFailure(token, error, cause);
        } catch (IllegalArgumentException e) {
          throw noLongerWaiting(e);
        }
      }
    };
  }

  private static IllegalStateException noLongerWaiting(IllegalArgumentException e) {
    return new IllegalStateException(
        "the callback is no longer waiting: it timed out, was answered, or its run ended ("
            + e.getMessage()
            + ")",
        e);
  }

  @Override
  public void close() {
    engine.close();
  }

  /** The activity behind {@code functionKey}, bound to the implementation registered now. */
  private ActivityBinding binding(String functionKey) {
    ActivityMethod a =
        compilation
            .activity(functionKey)
            .orElseThrow(() -> new TestSetupError("no compiled activity is named " + functionKey));
    List<String> names = a.parameters().stream().map(ActivityMethod.Parameter::name).toList();
    return registry.bind(a.owner(), a.name(), names);
  }

  private RunRecorder runOf(TaskInvoker.Request request) {
    RunRecorder run = runs.get(request.executionArn());
    if (run == null) {
      throw new TaskFailedException(
          "States.Runtime", "the test harness knows no run " + request.executionArn());
    }
    return run;
  }

  /** Serves {@code lambda:invoke} with the registered implementations, as Lambda would. */
  private final class ActivityTasks implements TaskInvoker {
    @Override
    public boolean handles(String resource) {
      return resource.equals(LAMBDA) || resource.equals(LAMBDA_CALLBACK);
    }

    @Override
    public JsonNode invoke(Request request) {
      RunRecorder run = runOf(request);
      String function = request.arguments().path("FunctionName").asText();
      ActivityBinding binding;
      try {
        binding = binding(function);
      } catch (TestSetupError e) {
        run.problem(e);
        throw new TaskFailedException("Lambda.ResourceNotFoundException", e.getMessage());
      }
      Object[] args;
      try {
        args = binding.decode(request.arguments().get("Payload"));
      } catch (IllegalArgumentException e) {
        throw new TaskFailedException(e.getClass().getName(), LambdaShapes.errorCause(e));
      }
      ObjectNode recorded = binding.recorded(args, run);
      boolean callback = request.taskToken() != null;
      Object value;
      try {
        value = binding.invoke(args);
      } catch (ActivityTimeout t) {
        if (callback) {
          run.problem(
              new TestSetupError(DirectRuntime.CALLBACK_TIMEOUT_UNSUPPORTED + binding.activity()));
          throw new TaskFailedException("States.Runtime", "unsupported simulated timeout");
        }
        run.record(ActivityCall.threw(binding.activity(), recorded, WorkflowError.timeout()));
        // The engine's own timer for the task's TimeoutSeconds fires on the way.
        clock.advance(request.timeout() == null ? Duration.ZERO : request.timeout());
        throw new TaskFailedException(WorkflowError.TIMEOUT, null);
      } catch (Error e) {
        run.problem(e);
        throw new TaskFailedException(e.getClass().getName(), LambdaShapes.errorCause(e));
      } catch (Throwable t) {
        run.record(ActivityCall.threw(binding.activity(), recorded, WorkflowError.ofException(t)));
        throw new TaskFailedException(t.getClass().getName(), LambdaShapes.errorCause(t));
      }
      ActivityCall call = ActivityCall.returned(binding.activity(), recorded, value);
      run.record(call);
      if (callback) {
        callbackStarted(run, binding, args, call, request.taskToken());
      }
      return LambdaShapes.response(ActivityJson.mapper().valueToTree(value));
    }

    /** The activity that received a callback returned: answer it now, or leave it to the test. */
    private void callbackStarted(
        RunRecorder run, ActivityBinding binding, Object[] args, ActivityCall call, String token) {
      int index = binding.callbackParameter();
      Callback callback =
          index >= 0 && args[index] instanceof Callback c ? c : new Callback(token, null);
      CallbackResponder r = responder.get();
      if (r == null) {
        run.waiting(new PendingCallback(callback, call, answers(run)));
        clock.holdForCallback();
        return;
      }
      try {
        engine.sendTaskSuccess(token, ActivityJson.write(r.answer(callback, call)));
      } catch (CallbackTimeout e) {
        // Nobody answers: the task's TimeoutSeconds fires once virtual time passes.
      } catch (Exception e) {
        engine.sendTaskFailure(token, e.getClass().getName(), LambdaShapes.errorCause(e));
      } catch (Error e) {
        run.problem(e);
        engine.sendTaskFailure(token, e.getClass().getName(), LambdaShapes.errorCause(e));
      }
    }
  }

  /**
   * Starts child workflows. The compiled {@code startExecution.sync:2} task runs here as a callback
   * task, completed by {@link #childEvent} when the child finishes, so that a child sleeping on
   * virtual time does not hold its parent's task (and the clock) busy.
   */
  private final class ChildTasks implements TaskInvoker {
    @Override
    public boolean handles(String resource) {
      return resource.equals(Compilation.START_CHILD);
    }

    @Override
    public JsonNode invoke(Request request) {
      RunRecorder run = runOf(request);
      String stateMachineArn = request.arguments().path("StateMachineArn").asText();
      String stateMachine = EngineNames.stateMachineOf(stateMachineArn);
      JsonNode input = childInput(request.arguments().get("Input"));
      String parentName =
          request.executionArn().substring(request.executionArn().lastIndexOf(':') + 1);
      String name = parentName + "-" + run.nextChild();
      String arn = EngineNames.executionArn(stateMachine, name);
      runs.put(arn, run);
      children.put(
          arn, new ChildExecution(request.taskToken(), stateMachineArn, name, input, clock.now()));
      engine.startExecution(stateMachine, name, ActivityJson.write(input));
      return NullNode.getInstance();
    }
  }

  /** A child's input, read as StartExecution reads it: text is the input's JSON text. */
  private static JsonNode childInput(JsonNode input) {
    if (input == null) {
      return ActivityJson.mapper().createObjectNode();
    }
    if (!input.isTextual()) {
      return input;
    }
    try {
      return ActivityJson.mapper().readTree(input.textValue());
    } catch (JsonProcessingException e) {
      throw new TaskFailedException(
          "States.Runtime", "the child's Input is not JSON text: " + input.textValue());
    }
  }

  /**
   * Completes a parent's task when its child finishes, with what {@code startExecution.sync:2}
   * returns. Runs on the engine's thread while it is still busy, so virtual time cannot jump
   * between the child's end and the parent's resumption.
   */
  private void childEvent(String arn, HistoryEvent event) {
    ChildExecution child = children.get(arn);
    if (child == null
        || !event.type().startsWith("Execution")
        || event.type().equals("ExecutionStarted")) {
      return;
    }
    children.remove(arn);
    ObjectNode description = ActivityJson.mapper().createObjectNode();
    description.put("ExecutionArn", arn);
    description.set("Input", child.input());
    description.putObject("InputDetails").put("Included", true);
    description.put("Name", child.name());
    description.put("StartDate", child.start().toEpochMilli());
    description.put("StateMachineArn", child.stateMachineArn());
    description.put("StopDate", event.timestamp().toEpochMilli());
    try {
      if (event.type().equals("ExecutionSucceeded")) {
        description.set("Output", parse(event.details().path("output").asText("null")));
        description.putObject("OutputDetails").put("Included", true);
        description.put("Status", "SUCCEEDED");
        engine.sendTaskSuccess(child.parentToken(), ActivityJson.write(description));
      } else {
        description.put("Status", status(event.type()));
        putText(description, "Error", event.details().get("error"));
        putText(description, "Cause", event.details().get("cause"));
        engine.sendTaskFailure(
            child.parentToken(), "States.TaskFailed", ActivityJson.write(description));
      }
    } catch (IllegalArgumentException e) {
      // The parent task no longer waits: it timed out or its execution ended.
    }
  }

  private static String status(String eventType) {
    if (eventType.equals("ExecutionTimedOut")) {
      return "TIMED_OUT";
    }
    return eventType.equals("ExecutionAborted") ? "ABORTED" : "FAILED";
  }

  private static void putText(ObjectNode node, String field, JsonNode value) {
    if (value != null && !value.isNull()) {
      node.put(field, value.asText());
    }
  }

  private static JsonNode parse(String json) {
    try {
      return ActivityJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("the engine wrote output that is not JSON: " + json, e);
    }
  }
}
