package dev.statecraft.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.statecraft.local.internal.Arns;
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
 * died runs again, so tasks are <em>at least once</em>: make handlers idempotent
 * (docs/durability.md says how to choose a key). Task tokens survive restarts, and an answer {@link
 * #sendTaskSuccess} accepted is committed. With {@link EngineOptions#inMemory()} nothing is written
 * and nothing survives {@link #close()}.
 *
 * <h2>Tasks</h2>
 *
 * <p>A Task whose {@code Resource} is {@code arn:aws:states:::lambda:invoke} (or {@code
 * .waitForTaskToken}) calls the {@link RequestStreamHandler} registered under the {@code
 * FunctionName} argument (a name, a full or a partial ARN) with the {@code Payload} as the Invoke
 * API gets it: a string is the payload text itself ({@code "0"} reaches the function as {@code 0}),
 * no Payload or {@code null} is {@code {}}. The result is {@code
 * {"ExecutedVersion":"$LATEST","Payload":...,"StatusCode":200,...}}, its Payload parsed from JSON
 * (kept as text when it is not JSON). A Resource that is a function ARN sends the effective input
 * and gets the result itself. A result past 256 KiB fails the task with {@code
 * States.DataLimitExceeded}. A {@link LambdaFunctionException} is a function error (its payload's
 * {@code errorType} is the error); any other handler exception is reported as Lambda's Java runtime
 * reports it (its class name as error); a {@link TaskFailedException} fails the task with its own
 * error and cause. Other resources need a {@link TaskInvoker}.
 *
 * <h2>Child executions</h2>
 *
 * <p>A Task whose {@code Resource} is {@code arn:aws:states:::states:startExecution.sync:2} (or
 * {@code .sync}, or plain {@code startExecution}, or {@code .waitForTaskToken}) starts an execution
 * of another state machine of this engine, named by the {@code StateMachineArn} argument, with the
 * {@code Input} argument (JSON text if it is a string, else serialized) and the {@code Name}
 * argument. {@code .sync:2} waits until the child has finished and succeeds with its description
 * ({@code {"ExecutionArn":...,"Input":{...},"Name":...,"Output":{...},"StartDate":1700000000000,
 * "StateMachineArn":...,"Status":"SUCCEEDED","StopDate":...}}); {@code .sync} gives {@code Input}
 * and {@code Output} as JSON text. A child that fails, times out or is stopped fails the task with
 * {@code States.TaskFailed} and that description, {@code Error} and {@code Cause} included, as JSON
 * in the cause. Waiting holds no thread, and survives restarts: without a {@code Name} the child is
 * named after the parent's task attempt, so a resumed parent finds the child it started.
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
   *
   * @throws DatabaseInUseException when another open engine, in this process or another, uses the
   *     same database file
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
   * definition they started with; replacing keeps the creation date.
   *
   * @throws InvalidDefinitionException when Step Functions would refuse the definition
   */
  public void createStateMachine(String name, String definitionJson) {
    engine.createStateMachine(name, definitionJson);
  }

  /**
   * Replaces the definition of an existing state machine, as {@code UpdateStateMachine}: running
   * executions keep the definition they started with, new ones get this one.
   *
   * @return the state machine with its new definition and update date
   * @throws StateMachineDoesNotExistException when there is no state machine {@code name}
   * @throws InvalidDefinitionException when Step Functions would refuse the definition
   */
  public StateMachineDescription updateStateMachine(String name, String definitionJson) {
    return engine.updateStateMachine(name, definitionJson);
  }

  /**
   * The problems Step Functions would find in a definition, without creating anything: each as
   * {@code CODE: message at /json/pointer} (see {@link InvalidDefinitionException}); empty when it
   * is valid.
   */
  public List<String> validateDefinition(String definitionJson) {
    return engine.validate(definitionJson);
  }

  /**
   * Deletes a state machine, as AWS's {@code DeleteStateMachine} does: its running executions fail
   * with {@code States.Runtime} ("State machine NAME has been deleted."), finished executions stay
   * describable, and the name is free for a new state machine. Deleting an unknown name does
   * nothing.
   */
  public void deleteStateMachine(String name) {
    engine.deleteStateMachine(name);
  }

  /** The state machine {@code name}, if it exists. */
  public Optional<StateMachineDescription> describeStateMachine(String name) {
    return engine.describeStateMachine(name);
  }

  /** Every state machine, in the order they were created. */
  public List<StateMachineDescription> listStateMachines() {
    return engine.listStateMachines();
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
   * @throws StateMachineDoesNotExistException when the state machine does not exist
   * @throws IllegalArgumentException when the input is not JSON
   */
  public String startExecution(String stateMachineName, String executionName, String inputJson) {
    return engine.startExecution(stateMachineName, executionName, inputJson);
  }

  /**
   * Waits until the execution has finished and returns its result.
   *
   * @throws TimeoutException when it is still running after {@code timeout}
   * @throws ExecutionDoesNotExistException when there is no such execution
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

  /**
   * The execution's identity, input, dates, status and, once finished, output or error; as {@code
   * DescribeExecution}. Empty when there is no such execution.
   */
  public Optional<ExecutionDescription> describeExecution(String executionArn) {
    return engine.describeExecution(executionArn);
  }

  /**
   * The executions of the state machine {@code stateMachineName}, most recently started first, as
   * {@code ListExecutions} without paging; finished ones included. Empty when there are none or no
   * such state machine.
   */
  public List<ExecutionDescription> listExecutions(String stateMachineName) {
    return engine.listExecutions(stateMachineName);
  }

  /** The execution's history events so far, oldest first; empty when it does not exist. */
  public List<HistoryEvent> history(String executionArn) {
    return engine.history(executionArn);
  }

  /**
   * Stops a running execution with status {@link ExecutionStatus#ABORTED}, recording {@code error}
   * and {@code cause} (either may be null). Does nothing to a finished execution.
   *
   * @throws ExecutionDoesNotExistException when there is no such execution
   */
  public void stopExecution(String executionArn, String error, String cause) {
    engine.stopExecution(executionArn, error, cause);
  }

  /**
   * Completes the {@code .waitForTaskToken} task holding {@code taskToken} with an output. A
   * durable engine has committed the answer when this returns; after a restart it accepts tokens
   * handed out before once {@link #resumeUnfinished()} has run.
   *
   * @throws TaskTokenException when no task waits for the token, with the reason
   * @throws IllegalArgumentException when the output is not JSON
   */
  public void sendTaskSuccess(String taskToken, String outputJson) {
    engine.sendTaskSuccess(taskToken, outputJson);
  }

  /**
   * Fails the {@code .waitForTaskToken} task holding {@code taskToken} with an error name (which
   * Retry and Catch match) and a cause; either may be null. Committed, like {@link
   * #sendTaskSuccess}, when this returns.
   *
   * @throws TaskTokenException when no task waits for the token, with the reason
   */
  public void sendTaskFailure(String taskToken, String error, String cause) {
    engine.sendTaskFailure(taskToken, error, cause);
  }

  /**
   * Resets the {@code HeartbeatSeconds} clock of the task holding {@code taskToken}.
   *
   * @throws TaskTokenException when no task waits for the token, with the reason
   */
  public void sendTaskHeartbeat(String taskToken) {
    engine.sendTaskHeartbeat(taskToken);
  }

  /** The ARN this engine gives the state machine {@code name}. */
  public static String stateMachineArn(String name) {
    return Arns.stateMachine(name);
  }

  /** The ARN this engine gives the execution {@code executionName} of {@code stateMachineName}. */
  public static String executionArn(String stateMachineName, String executionName) {
    return Arns.execution(stateMachineName, executionName);
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
