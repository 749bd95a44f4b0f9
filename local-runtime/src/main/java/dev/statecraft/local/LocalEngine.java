package dev.statecraft.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.statecraft.local.internal.Engine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Runs Amazon States Language state machines in this JVM, the way AWS Step Functions runs them:
 * JSONPath and JSONata, every state type, Retry and Catch, Map and Parallel, workflow variables,
 * and history events in the shape of {@code GetExecutionHistory}.
 *
 * <h2>Durability</h2>
 *
 * <p>With {@link EngineOptions#durable} every state transition is committed to SQLite before the
 * next state starts. When the process stops (even with SIGKILL), {@link #open} on the same file
 * picks every unfinished execution up again at its last committed state once {@link
 * #resumeUnfinished()} is called: Wait timers and retry back-offs keep their original wake-up time,
 * and a Task that had completed never runs again. A Task that was <em>running</em> when the process
 * died runs again, so tasks are <em>at least once</em>: make handlers idempotent. With {@link
 * EngineOptions#inMemory()} nothing is written and nothing survives {@link #close()}.
 *
 * <h2>Tasks</h2>
 *
 * <p>A Task whose {@code Resource} is {@code arn:aws:states:::lambda:invoke} (or {@code
 * .waitForTaskToken}) calls the {@link RequestStreamHandler} registered under the {@code
 * FunctionName} argument (a name, a full or a partial ARN) with the {@code Payload}; the result is
 * {@code {"ExecutedVersion":"$LATEST","Payload":...,"StatusCode":200,...}}. A Resource that is a
 * function ARN gets the payload itself. A handler exception fails the task with its class name as
 * error. Other resources need a {@link TaskInvoker}.
 *
 * <pre>{@code
 * try (LocalEngine engine = LocalEngine.open(EngineOptions.durable(Path.of("sfn.db")))) {
 *   engine.registerLambda("double", (in, out, ctx) -> out.write(...));
 *   engine.resumeUnfinished();
 *   engine.createStateMachine("demo", Files.readString(Path.of("demo.asl.json")));
 *   String arn = engine.startExecution("demo", "first", "{\"n\":21}");
 *   ExecutionResult result = engine.awaitResult(arn, Duration.ofMinutes(1));
 *   System.out.println(result.status() + " " + result.outputJson());
 * }
 * }</pre>
 *
 * <p>All methods are thread-safe.
 */
public final class LocalEngine implements AutoCloseable {
  private final Engine engine;

  private LocalEngine(Engine engine) {
    this.engine = engine;
  }

  /**
   * Opens an engine. A durable engine loads the state machines and unfinished executions stored in
   * its database; the executions continue when {@link #resumeUnfinished()} is called, so that their
   * Lambda handlers can be registered first.
   */
  public static LocalEngine open(EngineOptions options) {
    return new LocalEngine(new Engine(options));
  }

  /**
   * Serves Lambda tasks for {@code functionName} (a name, or an ARN whose function-name segment is
   * used) with {@code handler}, replacing any handler registered under that name.
   */
  public void registerLambda(String functionName, RequestStreamHandler handler) {
    engine.registerLambda(functionName, handler);
  }

  /** Adds a task invoker, consulted before the ones registered earlier and the Lambda one. */
  public void registerTaskInvoker(TaskInvoker invoker) {
    engine.registerTaskInvoker(invoker);
  }

  /**
   * Creates the state machine {@code name}, or replaces its definition. Running executions keep the
   * definition they started with.
   *
   * @throws InvalidDefinitionException when Step Functions would refuse the definition
   */
  public void createStateMachine(String name, String definitionJson) {
    engine.createStateMachine(name, definitionJson);
  }

  /**
   * Starts an execution and returns its ARN, {@code
   * arn:aws:states:us-east-1:000000000000:execution:SM_NAME:EXEC_NAME}. Idempotent by name: when an
   * execution of that name exists with the same input (running or finished) its ARN is returned and
   * nothing starts.
   *
   * @param executionName the name, or null for a random UUID
   * @param inputJson the input JSON, or null for {@code {}}
   * @throws ExecutionAlreadyExistsException when the name exists with a different input
   * @throws IllegalArgumentException when the state machine does not exist or the input is not JSON
   */
  public String startExecution(String stateMachineName, String executionName, String inputJson) {
    return engine.startExecution(stateMachineName, executionName, inputJson);
  }

  /**
   * Waits until the execution has finished and returns its result.
   *
   * @throws TimeoutException when it is still running after {@code timeout}
   */
  public ExecutionResult awaitResult(String executionArn, Duration timeout)
      throws TimeoutException {
    return engine.awaitResult(executionArn, timeout);
  }

  /**
   * Continues every unfinished execution loaded by {@link #open}. Call it once the Lambda handlers
   * and task invokers are registered; calling it again does nothing.
   */
  public void resumeUnfinished() {
    engine.resumeUnfinished();
  }

  /** The execution's current status and, once finished, its output or error. */
  public Optional<ExecutionResult> describe(String executionArn) {
    return engine.describe(executionArn);
  }

  /** The execution's history events so far, oldest first; empty when it does not exist. */
  public List<HistoryEvent> history(String executionArn) {
    return engine.history(executionArn);
  }

  /** Stops a running execution with status {@link ExecutionStatus#ABORTED}. */
  public void stopExecution(String executionArn, String error, String cause) {
    engine.stopExecution(executionArn, error, cause);
  }

  /** Completes the {@code .waitForTaskToken} task holding {@code taskToken} with an output. */
  public void sendTaskSuccess(String taskToken, String outputJson) {
    engine.sendTaskSuccess(taskToken, outputJson);
  }

  /** Fails the {@code .waitForTaskToken} task holding {@code taskToken}. */
  public void sendTaskFailure(String taskToken, String error, String cause) {
    engine.sendTaskFailure(taskToken, error, cause);
  }

  /** Resets the {@code HeartbeatSeconds} clock of the task holding {@code taskToken}. */
  public void sendTaskHeartbeat(String taskToken) {
    engine.sendTaskHeartbeat(taskToken);
  }

  /**
   * Stops the engine's threads and closes the database. Unfinished executions stay stored and
   * resume on the next {@link #open} of a durable engine.
   */
  @Override
  public void close() {
    engine.close();
  }
}
