package dev.statecraft.testing;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.spi.DurableRuntime;
import dev.statecraft.api.spi.SecretStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs workflows in tests, with the activities the test provides, in two modes:
 *
 * <ul>
 *   <li><b>On the engine</b> ({@link #start}, {@link #run}): the sources are compiled for AWS and
 *       the state machine runs on the embedded engine, exactly as it would deploy. Each Lambda task
 *       calls the implementation registered for its {@code @Activities} interface, with the
 *       arguments decoded by parameter name and type as the generated handler would; an exception
 *       fails the task with its class name as error, so {@code @Retry} and {@code catch} apply as
 *       on AWS. Child workflows run as executions of their own.
 *   <li><b>Directly</b> ({@link #runDirect}): the workflow method runs as plain Java, the reference
 *       semantics of the language. Activity calls go to the same implementations, through the same
 *       JSON mapping, with {@code @Retry} applied as Step Functions applies it; {@code Durable.map}
 *       items and {@code Durable.parallel} branches run one after another, in order.
 * </ul>
 *
 * <p>Both record the activity attempts in order, report failures alike ({@link WorkflowError}) and
 * give the output as comparable JSON, so a test can check one mode against the other.
 *
 * <p><b>Time</b> is virtual by default: a {@code Durable.sleep} of hours, a retry back-off or a
 * callback's timeout completes at once, while the engine's history timestamps show the time as
 * passed. On the engine, virtual time moves only while the test waits for a run ({@link
 * WorkflowRun#result()}, {@link WorkflowRun#awaitCallback}). A fake that throws {@link
 * dev.statecraft.api.ActivityTimeout} stands for an attempt that ran out of time: the clock moves
 * by the activity's timeout and the attempt fails as timed out ({@code States.Timeout}).
 *
 * <p><b>Callbacks</b>: a {@link CallbackResponder} answers them in both modes; without one, a test
 * answers an engine run's callbacks through {@link WorkflowRun#awaitCallback}, and an unanswered
 * callback times out once the test waits for the result (direct mode has nobody else to ask, so
 * there it times out at once).
 *
 * <pre>{@code
 * try (WorkflowTestEnvironment env = WorkflowTestEnvironment.create()) {
 *   env.registerActivities(ShopActivities.class, new FakeShop());
 *   env.onCallback((callback, call) -> new Approval(true, "ana"));
 *
 *   EngineResult<Receipt> onEngine = env.run(ApproveOrder.class, order);
 *   DirectResult<Receipt> direct = env.runDirect(ApproveOrder.class, order);
 *
 *   assertEquals("approved by ana", onEngine.output().status());
 *   assertEquals(direct.activityCalls(), onEngine.activityCalls());
 * }
 * }</pre>
 *
 * <p>Runs of one environment share its engine and clock. Close the environment to stop them.
 */
public final class WorkflowTestEnvironment implements AutoCloseable {
  private final Builder options;
  private final ActivityRegistry registry;
  private final Map<String, AtomicInteger> engineRuns = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> directRuns = new ConcurrentHashMap<>();
  private final AtomicInteger definitions = new AtomicInteger();
  private final Set<String> executionNames = ConcurrentHashMap.newKeySet();
  private volatile CallbackResponder responder;
  private Compilation compilation;
  private EngineSession engine;
  private TestClock clock;
  private boolean closed;

  private WorkflowTestEnvironment(Builder options) {
    this.options = options.copy();
    this.registry = new ActivityRegistry(secretStore(this.options.secrets));
  }

  /** The test's secrets, then the environment: as {@code statecraft run} reads them. */
  private static SecretStore secretStore(Map<String, String> secrets) {
    return new SecretStore() {
      @Override
      public Optional<String> find(String name) {
        String value = secrets.get(name);
        return value != null ? Optional.of(value) : SecretStore.environment().find(name);
      }

      @Override
      public String whereToSet(String name) {
        return "give it to the test with WorkflowTestEnvironment.builder().secret(\""
            + name
            + "\", ...), or "
            + SecretStore.environment().whereToSet(name);
      }
    };
  }

  /** An environment over {@code src/main/java} of the working directory, on virtual time. */
  public static WorkflowTestEnvironment create() {
    return builder().build();
  }

  /** Options for an environment; see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Serves the activities of {@code activities} with {@code implementation} in both modes: the real
   * implementation, a hand-written fake or a mock. Replaces an earlier registration.
   *
   * @param activities the {@code @Activities} interface
   * @param implementation any object implementing it
   * @return this environment
   */
  public <T> WorkflowTestEnvironment registerActivities(Class<T> activities, T implementation) {
    registry.register(activities, implementation);
    return this;
  }

  /**
   * Answers every callback of later runs with {@code responder}, in both modes; {@code null} leaves
   * them to the test.
   *
   * @return this environment
   */
  public WorkflowTestEnvironment onCallback(CallbackResponder responder) {
    this.responder = responder;
    return this;
  }

  /**
   * Starts {@code workflow} on the engine, named {@code run-N} (the N-th run of that workflow on
   * this environment's engine), and returns at once.
   *
   * @param workflow the {@code @Workflow} class; its sources must be in the source folder
   * @param input the workflow method's argument, encoded as JSON; ignored when it takes none
   * @param <O> the workflow method's return type
   * @throws IllegalStateException when the sources do not compile, with the diagnostics
   */
  public <O> WorkflowRun<O> start(Class<?> workflow, Object input) {
    WorkflowClass wf = WorkflowClass.of(workflow);
    return start(wf, input, "run-" + next(engineRuns, wf));
  }

  /** Like {@link #start(Class, Object)}, with a chosen execution name, unique per workflow. */
  public <O> WorkflowRun<O> start(Class<?> workflow, Object input, String executionName) {
    return start(WorkflowClass.of(workflow), input, executionName);
  }

  private <O> WorkflowRun<O> start(WorkflowClass wf, Object input, String executionName) {
    Objects.requireNonNull(executionName, "executionName");
    EngineSession session = engine();
    compilation().workflow(wf.type());
    if (!executionNames.add(wf.name() + ":" + executionName)) {
      throw new IllegalArgumentException(
          "an execution of " + wf.name() + " named '" + executionName + "' already ran");
    }
    RunRecorder run = new RunRecorder(EngineNames.executionArn(wf.name(), executionName));
    session.start(wf.name(), executionName, wf.inputJson(input), run);
    return new WorkflowRun<>(session, clock, wf, run, options.wallTimeout);
  }

  /**
   * Runs {@code workflow} on the engine and waits for it: {@code start(workflow, input).result()}.
   */
  public <O> EngineResult<O> run(Class<?> workflow, Object input) {
    return this.<O>start(workflow, input).result();
  }

  /**
   * Runs a Step Functions definition written by hand in place of {@code workflow}'s compiled one:
   * same engine, clock, activities and callback answers, and the output decoded as {@code
   * workflow}'s. Compare a compiled workflow with the state machine it replaces, call for call and
   * transition for transition:
   *
   * <pre>{@code
   * EngineResult<Status> compiled = env.run(JobPoller.class, job);
   * EngineResult<Status> byHand = env.runDefinition(JobPoller.class, Files.readString(asl), job);
   * assertTrue(compiled.stateTransitions() <= byHand.stateTransitions());
   * }</pre>
   *
   * <p>The definition reaches activities as compiled ones do: a Lambda task ({@code
   * arn:aws:states:::lambda:invoke}) whose {@code FunctionName} is the placeholder {@code
   * ${Interface_method}} of an activity that a workflow of the source folder calls, with the
   * activity's arguments by parameter name as {@code Payload}; the result is the task's {@code
   * Payload}. {@code ${StatecraftCallbackUrl}} and {@code ${StateMachine_<name>}} resolve as in
   * compiled definitions. Each call creates a state machine named {@code
   * <workflow-name>-definition-N} and runs it once, as execution {@code run-1}.
   *
   * @throws IllegalArgumentException when the definition is not valid ASL, with the engine's reason
   */
  public <O> EngineResult<O> runDefinition(Class<?> workflow, String definitionJson, Object input) {
    WorkflowClass wf = WorkflowClass.of(workflow);
    EngineSession session = engine();
    String name = wf.name() + "-definition-" + definitions.incrementAndGet();
    session.define(name, definitionJson);
    RunRecorder run = new RunRecorder(EngineNames.executionArn(name, "run-1"));
    session.start(name, "run-1", wf.inputJson(input), run);
    return new WorkflowRun<O>(session, clock, wf, run, options.wallTimeout).result();
  }

  /**
   * Runs the workflow method of {@code workflow} as plain Java, on a new instance, with a {@link
   * DurableRuntime} bound to this thread. Needs no compilation.
   *
   * <ul>
   *   <li>Activity calls go to the registered implementations with arguments and results copied
   *       through {@code ActivityJson}; a failed attempt is retried as {@code @Retry} says, a fake
   *       throwing {@code ActivityTimeout} standing for a timed-out attempt.
   *   <li>{@code Durable.map} runs the items one after another in order ({@code maxConcurrency}
   *       does not matter), {@code Durable.parallel} its branches likewise, {@code Durable.sleep}
   *       advances the run's virtual clock.
   *   <li>{@code Durable.awaitCallback} runs the notifying code, then asks the {@link
   *       CallbackResponder}; without one the wait times out at once, the clock advanced by its
   *       timeout. If the notifying activity fails, the wait is retried with a new callback, as the
   *       engine retries the callback task.
   *   <li>A child workflow ({@code new Child().run(x)}) is a plain call; {@code
   *       Durable.executionId()} inside it returns the parent's id, where the engine gives the
   *       child execution's.
   * </ul>
   *
   * <p>The run is named {@code run-N} (the N-th direct run of that workflow), so that {@code
   * Durable.executionId()} is the ARN the N-th engine run of it gets.
   *
   * @param <O> the workflow method's return type
   * @throws IllegalStateException for a mistake in the set-up, such as an activity without an
   *     implementation; an {@link Error} a fake threw (a failed assertion) is rethrown
   */
  public <O> DirectResult<O> runDirect(Class<?> workflow, Object input) {
    WorkflowClass wf = WorkflowClass.of(workflow);
    return runDirect(wf, input, "run-" + next(directRuns, wf));
  }

  /** Like {@link #runDirect(Class, Object)}, with a chosen execution name. */
  public <O> DirectResult<O> runDirect(Class<?> workflow, Object input, String executionName) {
    return runDirect(WorkflowClass.of(workflow), input, executionName);
  }

  @SuppressWarnings("try") // the scope only binds the runtime to this thread
  private <O> DirectResult<O> runDirect(WorkflowClass wf, Object input, String executionName) {
    checkOpen();
    RunRecorder run = new RunRecorder(EngineNames.executionArn(wf.name(), executionName));
    DirectRuntime runtime = new DirectRuntime(this::bindDirect, responder, run, options.start);
    Object[] args = wf.arguments(input);
    Object returned = null;
    Throwable thrown = null;
    try (DurableRuntime.Scope scope = DurableRuntime.bind(runtime)) {
      Object instance = wf.type().getDeclaredConstructor().newInstance();
      returned = wf.method().invoke(instance, args);
    } catch (InvocationTargetException e) {
      thrown = e.getCause();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          "cannot create " + wf.type().getName() + ": it needs a public no-argument constructor",
          e);
    }
    if (thrown instanceof TestSetupError) {
      throw new IllegalStateException(thrown.getMessage(), thrown);
    }
    if (thrown instanceof Error e) {
      throw e;
    }
    Outcome outcome =
        thrown == null
            ? Outcome.returned(
                run.executionId(),
                wf,
                returned == null
                    ? NullNode.getInstance()
                    : ActivityJson.mapper().valueToTree(returned),
                run.calls(),
                options.start,
                runtime.now())
            : Outcome.failed(
                run.executionId(),
                runtime.failureOf(thrown),
                run.calls(),
                options.start,
                runtime.now());
    return new DirectResult<>(outcome, thrown);
  }

  private ActivityBinding bindDirect(Class<?> type, Method method) {
    return registry.bind(type, method, parameterNames(type, method));
  }

  /**
   * A direct call's parameter names: from the class file when compiled with {@code -parameters},
   * else from the compiled sources, as the engine names them.
   */
  private List<String> parameterNames(Class<?> type, Method method) {
    List<String> names = new ArrayList<>();
    for (Parameter p : method.getParameters()) {
      if (!p.isNamePresent()) {
        return compilation()
            .parameterNames(type.getCanonicalName(), method.getName())
            .orElseThrow(
                () ->
                    new TestSetupError(
                        "cannot tell the parameter names of "
                            + type.getSimpleName()
                            + "."
                            + method.getName()
                            + ": compile with -parameters, or keep the sources in "
                            + options.sourceDir));
      }
      names.add(p.getName());
    }
    return names;
  }

  private static int next(Map<String, AtomicInteger> counters, WorkflowClass wf) {
    return counters.computeIfAbsent(wf.name(), k -> new AtomicInteger()).incrementAndGet();
  }

  private synchronized Compilation compilation() {
    if (compilation == null) {
      compilation = Compilation.of(options.sourceDir);
    }
    return compilation;
  }

  private synchronized EngineSession engine() {
    checkOpen();
    if (engine == null) {
      Compilation compiled = compilation();
      compiled.workflows();
      clock = options.virtualTime ? TestClock.virtual(options.start) : TestClock.wall();
      engine = new EngineSession(compiled, registry, () -> responder, clock);
    }
    return engine;
  }

  private synchronized void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the environment is closed");
    }
  }

  /** Stops the engine and its clock; unfinished runs are abandoned. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (engine != null) {
      engine.close();
    }
    if (clock != null) {
      clock.close();
    }
  }

  /**
   * Options for a {@link WorkflowTestEnvironment}; each {@link #build()} makes a new environment.
   *
   * <pre>{@code
   * WorkflowTestEnvironment env = WorkflowTestEnvironment.builder()
   *     .sourceDir(Path.of("src/main/java"))
   *     .startTime(Instant.parse("2025-03-01T09:00:00Z"))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private Path sourceDir = Path.of("src", "main", "java");
    private Instant start = Instant.parse("2024-01-01T00:00:00Z");
    private boolean virtualTime = true;
    private Duration wallTimeout = Duration.ofSeconds(60);
    private final Map<String, String> secrets = new java.util.TreeMap<>();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.sourceDir = sourceDir;
      b.start = start;
      b.virtualTime = virtualTime;
      b.wallTimeout = wallTimeout;
      b.secrets.putAll(secrets);
      return b;
    }

    /**
     * The folder holding the workflow sources, compiled for engine runs: a source root, or a
     * project folder with {@code src/main/java}. Default: {@code src/main/java}.
     */
    public Builder sourceDir(Path dir) {
      this.sourceDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** Where virtual time starts. Default: {@code 2024-01-01T00:00:00Z}. */
    public Builder startTime(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /**
     * Runs engine executions on the wall clock instead of virtual time: sleeps and timeouts take as
     * long as they say. Direct runs stay on virtual time.
     */
    public Builder wallClock() {
      this.virtualTime = false;
      return this;
    }

    /** How long a test waits, in wall time, for a run or a callback. Default: 60 seconds. */
    public Builder wallTimeout(Duration timeout) {
      this.wallTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The value activities read for the secret {@code name} with {@code Secrets.get}, in both
     * modes; secrets the test does not give come from the environment. As in the cloud, an activity
     * reads only the secrets its interface declares with {@code @Secret}.
     */
    public Builder secret(String name, String value) {
      secrets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** A new environment with these options. */
    public WorkflowTestEnvironment build() {
      return new WorkflowTestEnvironment(this);
    }
  }
}
