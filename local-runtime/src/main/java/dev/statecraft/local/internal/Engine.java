package dev.statecraft.local.internal;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.local.EngineOptions;
import dev.statecraft.local.ExecutionAlreadyExistsException;
import dev.statecraft.local.ExecutionDescription;
import dev.statecraft.local.ExecutionDoesNotExistException;
import dev.statecraft.local.ExecutionListener;
import dev.statecraft.local.ExecutionResult;
import dev.statecraft.local.ExecutionStatus;
import dev.statecraft.local.HistoryEvent;
import dev.statecraft.local.InvalidDefinitionException;
import dev.statecraft.local.StateMachineDescription;
import dev.statecraft.local.StateMachineDoesNotExistException;
import dev.statecraft.local.TaskFailedException;
import dev.statecraft.local.TaskInvoker;
import dev.statecraft.local.TaskTokenException;
import dev.statecraft.local.TimeSource;
import dev.statecraft.local.internal.Asl.MapState;
import dev.statecraft.local.internal.Asl.ParallelState;
import dev.statecraft.local.internal.Asl.TaskState;
import dev.statecraft.local.internal.Branch.Fanout;
import dev.statecraft.local.internal.Branch.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The engine behind {@link dev.statecraft.local.LocalEngine}: worker threads take runnable branches
 * from one queue in batches and step each; the effects of a batch (next step queued, task started,
 * timer set, listener told) happen only once it is committed. A durable engine hands the batches to
 * its {@link GroupCommitter}, which commits those of all workers together; an in-memory engine lets
 * the effects happen at once and keeps each execution's history as {@link Journal} entries.
 */
public final class Engine implements AutoCloseable {
  private static final int MAX_BATCH = 256;

  private final TimeSource time;
  private final ExecutionListener listener;
  private final SqliteExecutionStore store;
  private final GroupCommitter committer;
  private final Interpreter interpreter = new Interpreter(this);
  private final LambdaTaskInvoker lambdas;
  private final ChildExecutions children = new ChildExecutions(this);
  private final List<TaskInvoker> invokers = new CopyOnWriteArrayList<>();
  private final Map<String, MachineVersion> machines = new ConcurrentHashMap<>();
  private final Map<String, Asl.StateMachine> parsed = new ConcurrentHashMap<>();
  private final Map<String, Execution> executions = new ConcurrentHashMap<>();
  private final Map<String, Branch> tokens = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<Branch> ready = new LinkedBlockingQueue<>();
  private final AtomicInteger busy = new AtomicInteger();
  private final List<Thread> workers = new ArrayList<>();
  private final ExecutorService taskThreads;
  private final BooleanSupplier idle = () -> busy.get() == 0;
  private final List<Execution> toResume = new ArrayList<>();
  private final Object startLock = new Object();
  private volatile boolean closed;

  private record MachineVersion(
      String name, String definition, Asl.StateMachine machine, Instant created, Instant updated) {
    StateMachineDescription description() {
      return new StateMachineDescription(
          name, Arns.stateMachine(name), definition, created, updated);
    }
  }

  public Engine(EngineOptions options) {
    this.time = options.time();
    this.listener = options.listener();
    this.lambdas = new LambdaTaskInvoker(time);
    this.invokers.add(lambdas);
    this.store = options.database() == null ? null : new SqliteExecutionStore(options.database());
    this.committer = store == null ? null : new GroupCommitter(store, ready::isEmpty);
    this.taskThreads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "statecraft-task");
              thread.setDaemon(true);
              return thread;
            });
    if (store != null) {
      for (SqliteExecutionStore.StoredStateMachine stored : store.stateMachines()) {
        machines.put(
            stored.name(),
            new MachineVersion(
                stored.name(),
                stored.definition(),
                parse(stored.definition()),
                Instant.ofEpochMilli(stored.createdMillis()),
                Instant.ofEpochMilli(stored.updatedMillis())));
      }
      for (SqliteExecutionStore.StoredExecution stored : store.unfinished()) {
        toResume.add(restore(stored));
      }
    }
    time.attach(idle);
    for (int i = 0; i < options.workerThreads(); i++) {
      Thread worker = new Thread(this::work, "statecraft-worker-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  // ---- API ----------------------------------------------------------------------------------

  public void registerLambda(String functionName, RequestStreamHandler handler) {
    lambdas.register(functionName, handler);
  }

  public void registerTaskInvoker(TaskInvoker invoker) {
    invokers.add(0, invoker);
  }

  public void createStateMachine(String name, String definitionJson) {
    if (name == null || name.isEmpty() || name.length() > 80) {
      throw new IllegalArgumentException("Invalid Name: '" + name + "'");
    }
    Asl.StateMachine machine = parse(definitionJson);
    synchronized (machines) {
      Instant now = now();
      MachineVersion previous = machines.get(name);
      if (store != null) {
        store.saveStateMachine(name, definitionJson, now);
      }
      Instant created = previous == null ? now : previous.created();
      machines.put(name, new MachineVersion(name, definitionJson, machine, created, now));
    }
  }

  public StateMachineDescription updateStateMachine(String name, String definitionJson) {
    synchronized (machines) {
      if (!machines.containsKey(name)) {
        throw new StateMachineDoesNotExistException(Arns.stateMachine(name));
      }
      createStateMachine(name, definitionJson);
      return machines.get(name).description();
    }
  }

  /**
   * Deletes a state machine, as AWS's DeleteStateMachine: its running executions fail with {@code
   * States.Runtime}; finished ones stay describable. Deleting an unknown name does nothing.
   */
  public void deleteStateMachine(String name) {
    synchronized (machines) {
      if (machines.remove(name) == null) {
        return;
      }
      if (store != null) {
        store.deleteStateMachine(name);
      }
    }
    for (Execution execution : List.copyOf(executions.values())) {
      if (!execution.stateMachineName.equals(name)) {
        continue;
      }
      CommitBatch batch = new CommitBatch();
      synchronized (execution) {
        if (execution.status != ExecutionStatus.RUNNING) {
          continue;
        }
        String cause = "State machine " + name + " has been deleted.";
        ObjectNode details = JsonCodec.object();
        details.put("error", "States.Runtime");
        details.put("cause", cause);
        interpreter.event(execution.root, "ExecutionFailed", details, batch);
        finish(execution, ExecutionStatus.FAILED, null, "States.Runtime", cause, batch);
      }
      commit(batch);
    }
  }

  public Optional<StateMachineDescription> describeStateMachine(String name) {
    return Optional.ofNullable(machines.get(name)).map(MachineVersion::description);
  }

  public List<StateMachineDescription> listStateMachines() {
    return machines.values().stream()
        .map(MachineVersion::description)
        .sorted(
            Comparator.comparing(StateMachineDescription::creationDate)
                .thenComparing(StateMachineDescription::name))
        .toList();
  }

  public String startExecution(String stateMachineName, String executionName, String inputJson) {
    MachineVersion machine = machines.get(stateMachineName);
    if (machine == null) {
      throw new StateMachineDoesNotExistException(Arns.stateMachine(stateMachineName));
    }
    String name = executionName == null ? java.util.UUID.randomUUID().toString() : executionName;
    String text = inputJson == null ? "{}" : inputJson;
    JsonNode input;
    try {
      input = JsonCodec.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid execution input: " + e.getMessage(), e);
    }
    String arn = Arns.execution(stateMachineName, name);
    CommitBatch batch = new CommitBatch();
    synchronized (startLock) {
      String existingInput = existingInput(arn);
      if (existingInput != null) {
        if (JsonEquality.equal(JsonCodec.parse(existingInput), input)) {
          return arn;
        }
        throw new ExecutionAlreadyExistsException(arn);
      }
      Instant start = now();
      Execution execution =
          new Execution(
              arn,
              name,
              stateMachineName,
              machine.definition(),
              machine.machine(),
              input,
              JsonCodec.write(input),
              start,
              store == null);
      synchronized (execution) {
        executions.put(arn, execution);
        if (store != null) {
          execution.storeId = store.nextExecutionId();
          batch.add(
              new CommitBatch.InsertExecution(
                  execution.storeId,
                  arn,
                  stateMachineName,
                  name,
                  machine.definition(),
                  execution.inputJson,
                  start.toEpochMilli()));
        }
        Branch root = new Branch(execution, "root", null, 0, machine.machine().graph());
        root.variables = Variables.EMPTY;
        root.stateName = machine.machine().graph().startAt();
        root.input = input;
        root.inputJson = execution.inputJson;
        execution.root = root;
        execution.branches.put(root.id, root);
        ObjectNode details = JsonCodec.object();
        details.put("input", execution.inputJson);
        details.putObject("inputDetails").put("truncated", false);
        details.put("roleArn", Arns.roleArn());
        details.put("stateMachineArn", execution.stateMachineArn());
        interpreter.event(root, "ExecutionStarted", details, batch);
        save(root, batch);
        saveExecutionProgress(execution, batch);
        batch.afterCommit(() -> enqueue(root));
        scheduleTimeout(execution, batch);
      }
      commit(batch);
    }
    return arn;
  }

  private String existingInput(String arn) {
    Execution live = executions.get(arn);
    if (live != null) {
      return live.inputJson;
    }
    if (store != null) {
      return store.execution(arn).map(SqliteExecutionStore.StoredExecution::input).orElse(null);
    }
    return null;
  }

  public ExecutionResult awaitResult(String executionArn, Duration timeout)
      throws TimeoutException {
    Execution execution = executions.get(executionArn);
    if (execution == null) {
      ExecutionResult stored =
          describe(executionArn)
              .orElseThrow(() -> new ExecutionDoesNotExistException(executionArn));
      if (stored.status().isTerminal()) {
        return stored;
      }
      throw new IllegalStateException("execution " + executionArn + " is not loaded");
    }
    try {
      return execution.done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + executionArn, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  public void resumeUnfinished() {
    List<Execution> resuming;
    synchronized (toResume) {
      resuming = new ArrayList<>(toResume);
      toResume.clear();
    }
    for (Execution execution : resuming) {
      CommitBatch batch = new CommitBatch();
      synchronized (execution) {
        resume(execution, batch);
      }
      commit(batch);
    }
  }

  public Optional<ExecutionResult> describe(String executionArn) {
    Execution live = executions.get(executionArn);
    if (live != null) {
      return Optional.of(live.result());
    }
    if (store == null) {
      return Optional.empty();
    }
    return store
        .execution(executionArn)
        .map(
            row ->
                new ExecutionResult(
                    row.arn(),
                    row.name(),
                    ExecutionStatus.valueOf(row.status()),
                    row.output(),
                    row.error(),
                    row.cause(),
                    row.transitions()));
  }

  public Optional<ExecutionDescription> describeExecution(String executionArn) {
    Execution live = executions.get(executionArn);
    if (live != null) {
      return Optional.of(live.description());
    }
    if (store == null) {
      return Optional.empty();
    }
    return store.execution(executionArn).map(this::description);
  }

  public List<ExecutionDescription> listExecutions(String stateMachineName) {
    if (store == null) {
      return executions.values().stream()
          .filter(e -> e.stateMachineName.equals(stateMachineName))
          .map(Execution::description)
          .sorted(Comparator.comparing(ExecutionDescription::startDate).reversed())
          .toList();
    }
    List<ExecutionDescription> list = new ArrayList<>();
    for (SqliteExecutionStore.StoredExecution row : store.executionsOf(stateMachineName)) {
      Execution live = row.status().equals("RUNNING") ? executions.get(row.arn()) : null;
      list.add(live != null ? live.description() : description(row));
    }
    return list;
  }

  private ExecutionDescription description(SqliteExecutionStore.StoredExecution row) {
    return new ExecutionDescription(
        row.arn(),
        row.name(),
        row.stateMachine(),
        Arns.stateMachine(row.stateMachine()),
        ExecutionStatus.valueOf(row.status()),
        row.input(),
        row.output(),
        row.error(),
        row.cause(),
        Instant.ofEpochMilli(row.startMillis()),
        row.stopMillis() == null ? null : Instant.ofEpochMilli(row.stopMillis()),
        row.transitions());
  }

  /**
   * Runs {@code action} once the execution has finished: at once if it has, else on the thread that
   * finishes it, before the engine can look idle.
   */
  void whenFinished(String executionArn, Consumer<ExecutionDescription> action) {
    Execution live = executions.get(executionArn);
    if (live != null) {
      live.done.thenRun(() -> action.accept(live.description()));
      return;
    }
    describeExecution(executionArn).filter(d -> d.status().isTerminal()).ifPresent(action);
  }

  public List<HistoryEvent> history(String executionArn) {
    Execution live = executions.get(executionArn);
    if (live != null && live.events != null) {
      byte[] events;
      synchronized (live) {
        events = live.events.toByteArray();
      }
      Journal.Replay replay = new Journal.Replay(true);
      replay.read(events);
      return List.copyOf(replay.events());
    }
    if (store == null) {
      return List.of();
    }
    Optional<SqliteExecutionStore.StoredExecution> stored = store.execution(executionArn);
    if (stored.isEmpty()) {
      return List.of();
    }
    Journal.Replay replay = new Journal.Replay(true);
    for (byte[] record : store.journal(stored.get().id()).records()) {
      replay.read(record);
    }
    return List.copyOf(replay.events());
  }

  public void stopExecution(String executionArn, String error, String cause) {
    Execution execution = executions.get(executionArn);
    if (execution == null) {
      if (describe(executionArn).isEmpty()) {
        throw new ExecutionDoesNotExistException(executionArn);
      }
      return;
    }
    CommitBatch batch = new CommitBatch();
    synchronized (execution) {
      if (execution.status != ExecutionStatus.RUNNING) {
        return;
      }
      ObjectNode details = JsonCodec.object();
      if (error != null) {
        details.put("error", error);
      }
      if (cause != null) {
        details.put("cause", cause);
      }
      interpreter.event(execution.root, "ExecutionAborted", details, batch);
      finish(execution, ExecutionStatus.ABORTED, null, error, cause, batch);
    }
    commit(batch);
  }

  public void sendTaskSuccess(String token, String outputJson) {
    Branch b = taskOf(token);
    JsonNode output = JsonCodec.parse(outputJson);
    completeTask(b, b.attempt, output, null, true);
  }

  public void sendTaskFailure(String token, String error, String cause) {
    Branch b = taskOf(token);
    completeTask(b, b.attempt, null, StatesError.taskFailure(error, cause), true);
  }

  public void sendTaskHeartbeat(String token) {
    Branch b = taskOf(token);
    synchronized (b.execution) {
      if (b.timer != null && b.taskHeartbeat != null) {
        b.timer.cancel();
        armHeartbeat(b, b.attempt);
      }
    }
  }

  private Branch taskOf(String token) {
    Branch b = token == null ? null : tokens.get(token);
    if (b != null) {
      return b;
    }
    String executionArn = token == null ? null : Tokens.executionArn(token);
    if (executionArn == null) {
      throw new TaskTokenException(
          TaskTokenException.Reason.INVALID_TOKEN, "Invalid Token: 'Invalid token'");
    }
    if (describe(executionArn).isEmpty()) {
      throw new TaskTokenException(
          TaskTokenException.Reason.TASK_DOES_NOT_EXIST,
          "Task Does Not Exist: the execution '" + executionArn + "' does not exist");
    }
    throw taskTimedOut();
  }

  private static TaskTokenException taskTimedOut() {
    return new TaskTokenException(
        TaskTokenException.Reason.TASK_TIMED_OUT,
        "Task Timed Out: 'Provided task does not exist anymore'");
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Thread worker : workers) {
      worker.interrupt();
    }
    for (Thread worker : workers) {
      try {
        worker.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    taskThreads.shutdownNow();
    if (committer != null) {
      committer.close();
    }
    time.detach(idle);
    for (Execution execution : executions.values()) {
      synchronized (execution) {
        for (Branch b : execution.branches.values()) {
          if (b.timer != null) {
            b.timer.cancel();
          }
        }
        if (execution.timeout != null) {
          execution.timeout.cancel();
        }
      }
    }
    if (store != null) {
      store.close();
    }
  }

  // ---- the work loop ------------------------------------------------------------------------

  private void work() {
    List<Branch> steps = new ArrayList<>(MAX_BATCH);
    while (!closed) {
      Branch first;
      try {
        first = ready.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (first == null) {
        continue;
      }
      steps.clear();
      steps.add(first);
      ready.drainTo(steps, MAX_BATCH - 1);
      CommitBatch batch = new CommitBatch();
      for (Branch b : steps) {
        synchronized (b.execution) {
          try {
            interpreter.step(b, batch);
          } catch (RuntimeException e) {
            crash(b, e, batch);
          }
        }
      }
      // Even when closing: what the steps decided is committed, not dropped, so that what the
      // engine reported before close() is what the next engine on this file finds.
      int stepped = steps.size();
      if (committer == null) {
        runAfterCommit(batch);
        busy.addAndGet(-stepped);
      } else {
        committer.submit(batch, () -> busy.addAndGet(-stepped));
      }
    }
  }

  /** An engine bug fails the execution rather than hanging it. */
  private void crash(Branch b, RuntimeException e, CommitBatch batch) {
    Execution execution = b.execution;
    if (execution.status != ExecutionStatus.RUNNING) {
      return;
    }
    String cause = "The local engine failed: " + e;
    ObjectNode details = JsonCodec.object();
    details.put("error", "States.Runtime");
    details.put("cause", cause);
    interpreter.event(execution.root, "ExecutionFailed", details, batch);
    finish(execution, ExecutionStatus.FAILED, null, "States.Runtime", cause, batch);
  }

  /** Commits {@code batch} and runs its after-commit actions before returning. */
  private void commit(CommitBatch batch) {
    if (committer == null) {
      runAfterCommit(batch);
    } else {
      committer.commit(batch);
    }
  }

  private static void runAfterCommit(CommitBatch batch) {
    for (Runnable action : batch.afterCommit) {
      action.run();
    }
  }

  // ---- services for the interpreter ---------------------------------------------------------

  Instant now() {
    return time.now();
  }

  void enqueue(Branch b) {
    if (closed) {
      return;
    }
    busy.incrementAndGet();
    ready.add(b);
  }

  void wakeAt(Branch b, Instant at) {
    if (closed) {
      return;
    }
    synchronized (b.execution) {
      b.timer =
          time.schedule(
              at,
              () -> {
                synchronized (b.execution) {
                  b.timer = null;
                }
                enqueue(b);
              });
    }
  }

  /** Records an event of branch {@code b}: in the journal, or in memory, and for the listener. */
  void record(Branch b, HistoryEvent event, CommitBatch batch) {
    Execution execution = b.execution;
    BinaryWriter out = store == null ? execution.events : batch.journal(execution);
    if (Journal.writeEvent(out, event, b.payloadText, b.payloadEvent)) {
      b.payloadText = Journal.payload(event);
      b.payloadEvent = event.id();
    }
    if (listener != ExecutionListener.NONE) {
      batch.afterCommit(() -> listener.onEvent(execution.arn, event));
    }
  }

  /** Journals where {@code b} is now, so that a restart continues from there. */
  void save(Branch b, CommitBatch batch) {
    if (store == null) {
      return;
    }
    long inputRef =
        b.payloadEvent > 0 && b.inputJson != null && b.inputJson.equals(b.payloadText)
            ? b.payloadEvent
            : 0;
    Journal.writePosition(batch.journal(b.execution), b, inputRef);
  }

  void deleteChildren(Branch parent, CommitBatch batch) {
    if (store != null) {
      Journal.writeDelete(batch.journal(parent.execution), parent.id + "/");
    }
  }

  void saveExecutionProgress(Execution e, CommitBatch batch) {
    if (store == null || e.status != ExecutionStatus.RUNNING) {
      return;
    }
    Journal.writeProgress(batch.journal(e), e.transitions, e.lastEventId);
  }

  void finish(
      Execution e,
      ExecutionStatus status,
      String outputJson,
      String error,
      String cause,
      CommitBatch batch) {
    e.status = status;
    e.outputJson = outputJson;
    e.error = error;
    e.cause = cause;
    e.stopTime = now();
    for (Branch b : e.branches.values()) {
      b.aborted = true;
      if (b.timer != null) {
        b.timer.cancel();
      }
      if (b.taskToken != null) {
        tokens.remove(b.taskToken);
      }
    }
    e.branches.clear();
    // An in-memory engine keeps finished executions; only what result() and history() need.
    e.root = null;
    e.input = null;
    if (e.events != null) {
      e.events.trimToSize();
    }
    if (e.timeout != null) {
      e.timeout.cancel();
    }
    if (store != null) {
      batch.add(
          new CommitBatch.UpdateExecution(
              e.storeId,
              status.name(),
              outputJson,
              error,
              cause,
              e.stopTime.toEpochMilli(),
              e.transitions,
              e.lastEventId));
    }
    ExecutionResult result = e.outcome();
    batch.afterCommit(
        () -> {
          synchronized (e) {
            e.published = true;
          }
          if (store != null) {
            executions.remove(e.arn);
          }
          e.done.complete(result);
        });
  }

  Branch newChild(Branch parent, String id, int index, Asl.Graph graph) {
    Branch child = new Branch(parent.execution, id, parent, index, graph);
    child.variables = Variables.nestedIn(parent.variables);
    parent.execution.branches.put(id, child);
    return child;
  }

  void forget(Branch b) {
    b.execution.branches.remove(b.id);
  }

  JsonNode contextObject(Branch b) {
    Execution e = b.execution;
    ObjectNode context = JsonCodec.object();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", e.arn);
    execution.set("Input", e.input);
    execution.put("Name", e.name);
    execution.put("RoleArn", Arns.roleArn());
    execution.put("StartTime", e.startTime.toString());
    execution.put("RedriveCount", 0);
    ObjectNode state = context.putObject("State");
    state.put("EnteredTime", (b.enteredTime == null ? now() : b.enteredTime).toString());
    state.put("Name", b.stateName);
    state.put("RetryCount", b.retryTotal);
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", e.stateMachineArn());
    machine.put("Name", e.stateMachineName);
    if (b.taskToken != null) {
      context.putObject("Task").put("Token", b.taskToken);
    }
    return context;
  }

  // ---- tasks --------------------------------------------------------------------------------

  void startTask(Branch b, TaskState state, int attempt) {
    if (closed) {
      return;
    }
    TaskInvoker invoker = null;
    for (TaskInvoker candidate : invokers) {
      if (state.resource() != null && candidate.handles(state.resource())) {
        invoker = candidate;
        break;
      }
    }
    boolean callback = b.taskToken != null;
    if (callback) {
      tokens.put(b.taskToken, b);
    }
    Duration timeout = b.taskTimeout;
    if (timeout != null || b.taskHeartbeat != null) {
      synchronized (b.execution) {
        if (timeout != null) {
          Instant deadline = now().plus(timeout);
          TimeSource.Scheduled previous = b.timer;
          b.timer =
              time.schedule(
                  deadline,
                  () ->
                      completeTask(
                          b, attempt, null, StatesError.of("States.Timeout", null), false));
          if (previous != null) {
            previous.cancel();
          }
        }
        if (b.taskHeartbeat != null && callback) {
          armHeartbeat(b, attempt);
        }
      }
    }
    boolean child =
        invoker == null && state.resource() != null && children.handles(state.resource());
    if (invoker == null && !child) {
      completeTask(
          b,
          attempt,
          null,
          StatesError.of(
              "States.Runtime", "No task invoker handles the resource '" + state.resource() + "'"),
          false);
      return;
    }
    TaskInvoker chosen = invoker;
    TaskInvoker.Request request =
        new TaskInvoker.Request(
            state.resource(), b.taskArguments, b.execution.arn, state.name(), b.taskToken, timeout);
    busy.incrementAndGet();
    try {
      taskThreads.execute(
          () -> {
            try {
              if (child) {
                children.run(b, attempt, request);
                return;
              }
              JsonNode result = chosen.invoke(request);
              if (!callback) {
                completeTask(b, attempt, result, null, false);
              }
            } catch (TaskFailedException e) {
              completeTask(b, attempt, null, StatesError.taskFailure(e.error(), e.cause()), false);
            } catch (StatesError e) {
              completeTask(b, attempt, null, e, false);
            } catch (Exception | Error e) {
              completeTask(
                  b,
                  attempt,
                  null,
                  StatesError.taskFailure(e.getClass().getName(), String.valueOf(e.getMessage())),
                  false);
            } finally {
              busy.decrementAndGet();
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      busy.decrementAndGet();
    }
  }

  private void armHeartbeat(Branch b, int attempt) {
    Instant deadline = now().plus(b.taskHeartbeat);
    b.timer =
        time.schedule(
            deadline,
            () ->
                completeTask(
                    b, attempt, null, StatesError.of("States.HeartbeatTimeout", null), false));
  }

  void completeTask(Branch b, int attempt, JsonNode result, StatesError error, boolean fromToken) {
    CommitBatch batch = new CommitBatch();
    synchronized (b.execution) {
      if (closed
          || b.abandoned()
          || b.phase != Phase.TASK_RUNNING
          || b.attempt != attempt
          || b.taskResult != null
          || b.taskError != null
          || b.execution.status != ExecutionStatus.RUNNING) {
        if (fromToken) {
          throw taskTimedOut();
        }
        return;
      }
      if (b.timer != null) {
        b.timer.cancel();
        b.timer = null;
      }
      if (b.taskToken != null) {
        tokens.remove(b.taskToken);
      }
      b.taskResult = error == null ? (result == null ? JsonCodec.NODES.nullNode() : result) : null;
      b.taskError = error;
      if (!fromToken) {
        enqueue(b);
        return;
      }
      // An answer to a task token is stepped and committed before sendTask* returns, as AWS
      // makes SendTaskSuccess durable: queued instead, an accepted answer died with the process
      // and the task waited forever for an answer its sender had seen accepted.
      busy.incrementAndGet();
      try {
        interpreter.step(b, batch);
      } catch (RuntimeException e) {
        crash(b, e, batch);
      }
    }
    try {
      commit(batch);
    } finally {
      busy.decrementAndGet();
    }
  }

  // ---- timeouts -----------------------------------------------------------------------------

  private void scheduleTimeout(Execution execution, CommitBatch batch) {
    Integer seconds = execution.machine.timeoutSeconds();
    if (seconds == null) {
      return;
    }
    Instant deadline = execution.startTime.plusSeconds(seconds);
    batch.afterCommit(() -> execution.timeout = time.schedule(deadline, () -> timeOut(execution)));
  }

  private void timeOut(Execution execution) {
    if (closed) {
      return;
    }
    CommitBatch batch = new CommitBatch();
    synchronized (execution) {
      if (execution.status != ExecutionStatus.RUNNING) {
        return;
      }
      ObjectNode details = JsonCodec.object();
      details.put("error", "States.Timeout");
      details.put("cause", "The execution timed out.");
      interpreter.event(execution.root, "ExecutionTimedOut", details, batch);
      finish(
          execution,
          ExecutionStatus.TIMED_OUT,
          null,
          "States.Timeout",
          "The execution timed out.",
          batch);
    }
    commit(batch);
  }

  // ---- parsing and restoring ----------------------------------------------------------------

  /** The problems Step Functions would find in {@code definition}; empty when it is valid. */
  public List<String> validate(String definition) {
    try {
      parse(definition);
      return List.of();
    } catch (InvalidDefinitionException e) {
      return e.problems();
    }
  }

  private Asl.StateMachine parse(String definition) {
    return parsed.computeIfAbsent(definition, StateMachineParser::parse);
  }

  private Execution restore(SqliteExecutionStore.StoredExecution row) {
    Asl.StateMachine machine = parse(row.definition());
    JsonNode input = JsonCodec.parse(row.input());
    Execution execution =
        new Execution(
            row.arn(),
            row.name(),
            row.stateMachine(),
            row.definition(),
            machine,
            input,
            row.input(),
            Instant.ofEpochMilli(row.startMillis()),
            false);
    execution.storeId = row.id();
    SqliteExecutionStore.StoredJournal journal = store.journal(row.id());
    Journal.Replay replay = new Journal.Replay(false);
    for (byte[] record : journal.records()) {
      replay.read(record);
    }
    execution.journalSeq = journal.lastSeq();
    execution.committedSeq = journal.lastSeq();
    execution.transitions = replay.transitions();
    execution.lastEventId = replay.lastEventId();
    Map<String, List<Branch>> childrenByParent = new HashMap<>();
    for (BranchSnapshot stored : replay.positions()) {
      Branch parent = stored.parent() == null ? null : execution.branches.get(stored.parent());
      if (stored.parent() != null
          && (parent == null
              || parent.fanout == null
              || !stored.id().startsWith(parent.fanout.prefix))) {
        continue;
      }
      Asl.Graph graph;
      if (parent == null) {
        graph = machine.graph();
      } else if (parent.state() instanceof MapState) {
        graph = ((MapState) parent.state()).processor();
      } else {
        graph = ((ParallelState) parent.state()).branches().get(stored.index());
      }
      Branch b = new Branch(execution, stored.id(), parent, stored.index(), graph);
      JsonNode variables = stored.variables() == null ? JsonCodec.object() : stored.variables();
      b.variables = Variables.restore(parent == null ? null : parent.variables, variables);
      b.stateName = stored.state();
      b.phase = stored.phase();
      b.inputJson = stored.input();
      b.input =
          stored.input() == null ? JsonCodec.NODES.nullNode() : JsonCodec.parse(stored.input());
      b.wakeAt = stored.wakeAt();
      restoreDetails(b, stored);
      execution.branches.put(b.id, b);
      if (parent == null) {
        execution.root = b;
      } else {
        childrenByParent.computeIfAbsent(parent.id, k -> new ArrayList<>()).add(b);
      }
    }
    for (Map.Entry<String, List<Branch>> entry : childrenByParent.entrySet()) {
      Branch parent = execution.branches.get(entry.getKey());
      List<Branch> children = entry.getValue();
      children.sort(Comparator.comparingInt(child -> child.index));
      if (parent.fanout != null) {
        parent.fanout.children.addAll(children);
      }
    }
    executions.put(execution.arn, execution);
    return execution;
  }

  private static void restoreDetails(Branch b, BranchSnapshot stored) {
    b.enteredEventId = stored.enteredEventId();
    b.lastEventId = stored.lastEventId();
    b.enteredTime = stored.enteredTime();
    b.retryCounts = stored.retryCounts();
    b.retryTotal = stored.retryTotal();
    b.attempt = stored.attempt();
    b.taskArguments = stored.taskArguments();
    b.taskToken = stored.taskToken();
    if (stored.taskTimeoutSeconds() != null) {
      b.taskTimeout = Duration.ofSeconds(stored.taskTimeoutSeconds());
    }
    if (stored.taskHeartbeatSeconds() != null) {
      b.taskHeartbeat = Duration.ofSeconds(stored.taskHeartbeatSeconds());
    }
    BranchSnapshot.Fanout fanout = stored.fanout();
    if (fanout != null) {
      b.fanout =
          new Fanout(
              fanout.prefix(),
              new ArrayList<>(fanout.size()),
              fanout.maxConcurrency(),
              fanout.toleratedCount(),
              fanout.toleratedPercentage());
    }
    if (b.phase == Phase.DONE) {
      b.outputJson = stored.output();
      b.output = b.outputJson == null ? null : JsonCodec.parse(b.outputJson);
    }
    if (b.phase == Phase.FAILED) {
      b.failure = StatesError.of(stored.error(), stored.cause());
    }
  }

  /** Puts a restored execution back to work: queues, timers, tasks and child bookkeeping. */
  private void resume(Execution execution, CommitBatch batch) {
    List<Branch> branches = new ArrayList<>(execution.branches.values());
    for (Branch b : branches) {
      if (b.phase == Phase.CHILDREN) {
        resumeFanout(b, batch);
      }
    }
    for (Branch b : branches) {
      if (b.abandoned()) {
        continue;
      }
      switch (b.phase) {
        case ENTER:
          batch.afterCommit(() -> enqueue(b));
          break;
        case TASK_RUNNING:
          int attempt = b.attempt;
          TaskState state = (TaskState) b.state();
          batch.afterCommit(() -> startTask(b, state, attempt));
          break;
        case WAITING:
        case RETRY_WAIT:
          Instant at = b.wakeAt == null ? now() : b.wakeAt;
          batch.afterCommit(() -> wakeAt(b, at));
          break;
        default:
          break;
      }
    }
    scheduleTimeout(execution, batch);
  }

  private void resumeFanout(Branch parent, CommitBatch batch) {
    Fanout fanout = parent.fanout;
    for (Branch child : fanout.children) {
      if (child.phase != Phase.PENDING) {
        fanout.started++;
      }
      if (child.finished()) {
        fanout.finished++;
      }
      if (child.phase == Phase.FAILED) {
        fanout.failed++;
        if (parent.state() instanceof ParallelState || fanout.failed > fanout.toleratedCount) {
          fanout.failure = fanout.failure == null ? child.failure : fanout.failure;
        }
      }
    }
    if (fanout.failure != null) {
      // The failure was committed, the parent's step not yet: the branches still running beside
      // the failed one stay stopped, as they were, rather than run tasks for a finished state.
      for (Branch child : fanout.children) {
        if (!child.finished()) {
          child.aborted = true;
        }
      }
    }
    if (fanout.complete()) {
      fanout.completionQueued = true;
      batch.afterCommit(() -> enqueue(parent));
    }
  }
}
