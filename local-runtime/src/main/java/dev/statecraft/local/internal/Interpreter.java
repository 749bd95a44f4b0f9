package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.local.ExecutionStatus;
import dev.statecraft.local.HistoryEvent;
import dev.statecraft.local.internal.Asl.Catcher;
import dev.statecraft.local.internal.Asl.ChoiceBranch;
import dev.statecraft.local.internal.Asl.ChoiceState;
import dev.statecraft.local.internal.Asl.Common;
import dev.statecraft.local.internal.Asl.FailState;
import dev.statecraft.local.internal.Asl.MapState;
import dev.statecraft.local.internal.Asl.ParallelState;
import dev.statecraft.local.internal.Asl.PassState;
import dev.statecraft.local.internal.Asl.ResultTarget;
import dev.statecraft.local.internal.Asl.Retrier;
import dev.statecraft.local.internal.Asl.Selector;
import dev.statecraft.local.internal.Asl.State;
import dev.statecraft.local.internal.Asl.SucceedState;
import dev.statecraft.local.internal.Asl.TaskState;
import dev.statecraft.local.internal.Asl.WaitState;
import dev.statecraft.local.internal.Branch.Fanout;
import dev.statecraft.local.internal.Branch.Phase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Executes one step of a branch: enters a state, or finishes what a task, timer or child branches
 * left pending. Called with the execution's monitor held; every durable effect goes into the {@link
 * CommitBatch}, and everything that must wait for the commit goes into its after-commit actions.
 */
final class Interpreter {
  static final int PAYLOAD_LIMIT = 256 * 1024;

  private final Engine engine;

  Interpreter(Engine engine) {
    this.engine = engine;
  }

  void step(Branch b, CommitBatch batch) {
    Execution execution = b.execution;
    if (execution.status != ExecutionStatus.RUNNING || b.abandoned()) {
      return;
    }
    State state = b.state();
    try {
      switch (b.phase) {
        case ENTER:
          enter(b, state, batch);
          break;
        case TASK_RUNNING:
          taskFinished(b, (TaskState) state, batch);
          break;
        case RETRY_WAIT:
          execution.transitions++;
          execute(b, state, batch);
          break;
        case WAITING:
          waitFinished(b, (WaitState) state, batch);
          break;
        case CHILDREN:
          childrenFinished(b, state, batch);
          break;
        default:
          break;
      }
    } catch (StatesError error) {
      try {
        handleError(b, state, error.inState(state.name(), b.enteredEventId), batch);
      } catch (StatesError inCatcher) {
        // A catcher's Output or Assign that fails fails the state; no catcher takes it again.
        b.taskToken = null;
        branchFailed(b, inCatcher.inState(state.name(), b.enteredEventId), batch);
      }
    }
    engine.saveExecutionProgress(execution, batch);
  }

  private void enter(Branch b, State state, CommitBatch batch) {
    Execution execution = b.execution;
    execution.transitions++;
    b.enteredTime = engine.now();
    b.retryCounts = null;
    b.retryTotal = 0;
    ObjectNode details = JsonCodec.object();
    details.put("name", state.name());
    details.put("input", b.inputJson);
    details.set("inputDetails", truncatedFalse());
    b.enteredEventId = event(b, state.common().type() + "StateEntered", details, batch);
    execute(b, state, batch);
  }

  private void execute(Branch b, State state, CommitBatch batch) {
    if (state instanceof PassState) {
      pass(b, (PassState) state, batch);
    } else if (state instanceof TaskState) {
      task(b, (TaskState) state, batch);
    } else if (state instanceof ChoiceState) {
      choice(b, (ChoiceState) state, batch);
    } else if (state instanceof WaitState) {
      waitState(b, (WaitState) state, batch);
    } else if (state instanceof SucceedState) {
      succeed(b, (SucceedState) state, batch);
    } else if (state instanceof FailState) {
      fail(b, (FailState) state, batch);
    } else if (state instanceof ParallelState) {
      parallel(b, (ParallelState) state, batch);
    } else {
      map(b, (MapState) state, batch);
    }
  }

  // ---- states -------------------------------------------------------------------------------

  private void pass(Branch b, PassState state, CommitBatch batch) {
    Common c = state.common();
    EvaluationScope scope = scope(b);
    if (c.jsonata()) {
      JsonNode output = c.output() == null ? b.input : c.output().evaluate(scope);
      Map<String, JsonNode> assigned = assign(c.assign(), scope);
      exit(b, state, output, assigned, c.next(), batch);
      return;
    }
    JsonNode effective = effectiveInput(b, c, scope);
    JsonNode result = state.result() != null ? state.result() : effective;
    Map<String, JsonNode> assigned = assign(c.assign(), scope.withInput(result));
    JsonNode output = applyResult(c, b.input, result, scope);
    exit(b, state, output, assigned, c.next(), batch);
  }

  private void succeed(Branch b, SucceedState state, CommitBatch batch) {
    Common c = state.common();
    EvaluationScope scope = scope(b);
    JsonNode output;
    if (c.jsonata()) {
      output = c.output() == null ? b.input : c.output().evaluate(scope);
    } else {
      output =
          select(
              c.outputPath(),
              select(c.inputPath(), b.input, scope, "InputPath"),
              scope,
              "OutputPath");
    }
    exit(b, state, output, Map.of(), null, batch);
  }

  private void fail(Branch b, FailState state, CommitBatch batch) {
    Common c = state.common();
    EvaluationScope scope = scope(b);
    String error = text(state.error(), state.errorPath(), scope, "Error");
    String cause = text(state.cause(), state.causePath(), scope, "Cause");
    if (c.jsonata() && c.assign() != null) {
      assign(c.assign(), scope);
    }
    branchFailed(b, StatesError.of(error, cause), batch);
  }

  private static String text(Template literal, Template path, EvaluationScope scope, String field) {
    Template template = literal != null ? literal : path;
    if (template == null) {
      return null;
    }
    JsonNode value = template.evaluate(scope);
    if (value.isTextual()) {
      return value.textValue();
    }
    if (path != null && literal == null) {
      throw StatesError.runtime(
          "The "
              + field
              + "Path field must reference a string, but was: "
              + JsonCodec.write(value));
    }
    return JsonCodec.write(value);
  }

  private void choice(Branch b, ChoiceState state, CommitBatch batch) {
    Common c = state.common();
    EvaluationScope scope = scope(b);
    JsonNode effective = c.jsonata() ? b.input : select(c.inputPath(), b.input, scope, "InputPath");
    EvaluationScope ruleScope = scope.withInput(effective);
    for (ChoiceBranch rule : state.choices()) {
      if (ChoiceEvaluator.matches(rule.rule(), ruleScope)) {
        choose(b, state, ruleScope, effective, rule.next(), rule.assign(), rule.output(), batch);
        return;
      }
    }
    if (state.defaultNext() == null) {
      throw StatesError.of("States.NoChoiceMatched", "No Matches!");
    }
    choose(b, state, ruleScope, effective, state.defaultNext(), null, null, batch);
  }

  private void choose(
      Branch b,
      ChoiceState state,
      EvaluationScope scope,
      JsonNode effective,
      String next,
      Template ruleAssign,
      Template ruleOutput,
      CommitBatch batch) {
    Common c = state.common();
    Map<String, JsonNode> assigned = new LinkedHashMap<>(assign(c.assign(), scope));
    assigned.putAll(assign(ruleAssign, scope));
    JsonNode output;
    if (c.jsonata()) {
      Template outputTemplate = ruleOutput != null ? ruleOutput : c.output();
      output = outputTemplate == null ? b.input : outputTemplate.evaluate(scope);
    } else {
      output = select(c.outputPath(), effective, scope, "OutputPath");
    }
    exit(b, state, output, assigned, next, batch);
  }

  private void waitState(Branch b, WaitState state, CommitBatch batch) {
    Common c = state.common();
    EvaluationScope scope = scope(b);
    JsonNode effective = c.jsonata() ? b.input : select(c.inputPath(), b.input, scope, "InputPath");
    Instant wakeAt = wakeTime(state, scope.withInput(effective), c.jsonata());
    b.phase = Phase.WAITING;
    b.wakeAt = wakeAt;
    engine.save(b, batch);
    batch.afterCommit(() -> engine.wakeAt(b, wakeAt));
  }

  private Instant wakeTime(WaitState state, EvaluationScope scope, boolean jsonata) {
    Instant now = engine.now();
    if (state.seconds() != null) {
      JsonNode seconds = state.seconds().evaluate(scope);
      if (!seconds.isIntegralNumber() || seconds.longValue() < 0) {
        if (jsonata) {
          throw StatesError.query(
              "The JSONata expression '"
                  + source(state.seconds())
                  + "' specified for the field 'Seconds' returned an unexpected result type."
                  + " Expected 'integer', but was '"
                  + JsonCodec.typeName(seconds)
                  + "' for value: "
                  + JsonCodec.write(seconds));
        }
        throw StatesError.runtime("The Seconds field must be a non-negative integer");
      }
      return now.plusSeconds(seconds.longValue());
    }
    if (state.secondsPath() != null) {
      String path = state.secondsPath().source();
      JsonNode seconds;
      try {
        seconds = state.secondsPath().read(scope);
      } catch (PathExpression.PathNotFoundException e) {
        throw StatesError.runtime(
            "The SecondsPath parameter does not reference an input value: " + path);
      }
      if (!seconds.isNumber() || !seconds.isIntegralNumber()) {
        throw StatesError.runtime(
            "The SecondsPath parameter cannot be parsed as a long value: "
                + path
                + " == "
                + plain(seconds));
      }
      if (seconds.longValue() < 0) {
        throw StatesError.runtime(
            "The SecondsPath parameter references a negative value: "
                + path
                + " == "
                + plain(seconds));
      }
      return now.plusSeconds(seconds.longValue());
    }
    if (state.timestamp() != null) {
      JsonNode value = state.timestamp().evaluate(scope);
      OffsetDateTime timestamp = ChoiceEvaluator.timestamp(value);
      if (timestamp == null) {
        String message =
            "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time"
                + " format string: "
                + plain(value);
        throw jsonata ? StatesError.query(message) : StatesError.runtime(message);
      }
      return timestamp.toInstant();
    }
    String path = state.timestampPath().source();
    JsonNode value;
    try {
      value = state.timestampPath().read(scope);
    } catch (PathExpression.PathNotFoundException e) {
      throw StatesError.runtime(
          "The TimestampPath parameter does not reference an input value: " + path);
    }
    OffsetDateTime timestamp = ChoiceEvaluator.timestamp(value);
    if (timestamp == null) {
      throw StatesError.runtime(
          "The TimestampPath parameter does not reference a valid ISO-8601 extended offset"
              + " date-time format string: "
              + path
              + " == "
              + plain(value));
    }
    return timestamp.toInstant();
  }

  private static String plain(JsonNode value) {
    return value.isTextual() ? value.textValue() : JsonCodec.write(value);
  }

  private static String source(Template template) {
    return template instanceof Template.JsonataValue
        ? ((Template.JsonataValue) template).expression().source()
        : JsonCodec.write(template.evaluate(null));
  }

  private void waitFinished(Branch b, WaitState state, CommitBatch batch) {
    Common c = state.common();
    EvaluationScope scope = scope(b);
    b.wakeAt = null;
    if (c.jsonata()) {
      JsonNode output = c.output() == null ? b.input : c.output().evaluate(scope);
      exit(b, state, output, assign(c.assign(), scope), c.next(), batch);
      return;
    }
    JsonNode effective = select(c.inputPath(), b.input, scope, "InputPath");
    Map<String, JsonNode> assigned = assign(c.assign(), scope.withInput(effective));
    exit(
        b,
        state,
        select(c.outputPath(), effective, scope, "OutputPath"),
        assigned,
        c.next(),
        batch);
  }

  private void task(Branch b, TaskState state, CommitBatch batch) {
    Common c = state.common();
    EvaluationScope scope = scope(b);
    b.attempt++;
    b.taskResult = null;
    b.taskError = null;
    b.taskToken =
        state.resource() != null && state.resource().endsWith(".waitForTaskToken")
            ? Tokens.forTask(b)
            : null;
    JsonNode arguments;
    if (c.jsonata()) {
      arguments = c.parameters() == null ? b.input : c.parameters().evaluate(scope);
    } else {
      arguments = effectiveInput(b, c, scope);
    }
    checkSize(arguments, state.name());
    Duration timeout = seconds(state.timeoutSeconds(), state.timeoutSecondsPath(), scope);
    Duration heartbeat = seconds(state.heartbeatSeconds(), state.heartbeatSecondsPath(), scope);
    b.taskArguments = arguments;
    b.taskTimeout = timeout;
    b.taskHeartbeat = heartbeat;
    b.phase = Phase.TASK_RUNNING;
    ObjectNode scheduled = resourceDetails(state.resource());
    scheduled.put("region", Arns.REGION);
    scheduled.put("parameters", JsonCodec.write(arguments));
    if (timeout != null) {
      scheduled.put("timeoutInSeconds", timeout.toSeconds());
    }
    if (heartbeat != null) {
      scheduled.put("heartbeatInSeconds", heartbeat.toSeconds());
    }
    event(b, "TaskScheduled", scheduled, batch);
    event(b, "TaskStarted", resourceDetails(state.resource()), batch);
    engine.save(b, batch);
    int attempt = b.attempt;
    batch.afterCommit(() -> engine.startTask(b, state, attempt));
  }

  private static Duration seconds(Template literal, PathExpression path, EvaluationScope scope) {
    JsonNode value = null;
    if (literal != null) {
      value = literal.evaluate(scope);
    } else if (path != null) {
      try {
        value = path.read(scope);
      } catch (PathExpression.PathNotFoundException e) {
        throw StatesError.runtime("Invalid path '" + path.source() + "' : " + e.getMessage());
      }
    }
    if (value == null) {
      return null;
    }
    if (!value.isNumber() || value.longValue() <= 0) {
      throw StatesError.runtime("The timeout must be a positive integer: " + plain(value));
    }
    return Duration.ofSeconds(value.longValue());
  }

  private void taskFinished(Branch b, TaskState state, CommitBatch batch) {
    Common c = state.common();
    StatesError error = b.taskError;
    JsonNode result = b.taskResult;
    b.taskError = null;
    b.taskResult = null;
    b.taskToken = null;
    if (error != null) {
      ObjectNode details = resourceDetails(state.resource());
      putNullable(details, "error", error.error());
      putNullable(details, "cause", error.cause());
      event(
          b,
          "States.Timeout".equals(error.error()) ? "TaskTimedOut" : "TaskFailed",
          details,
          batch);
      throw error;
    }
    String resultJson = JsonCodec.write(result);
    if (tooLarge(resultJson)) {
      // The connector's result past the quota is a task failure (TaskFailed), which Catch handles.
      StatesError tooLarge = StatesError.resultTooLarge(state.resource());
      ObjectNode failed = resourceDetails(state.resource());
      failed.put("error", tooLarge.error());
      failed.put("cause", tooLarge.cause());
      event(b, "TaskFailed", failed, batch);
      throw tooLarge;
    }
    ObjectNode details = resourceDetails(state.resource());
    details.put("output", resultJson);
    details.set("outputDetails", truncatedFalse());
    event(b, "TaskSucceeded", details, batch);
    finishWithResult(b, state, result, batch);
  }

  private void finishWithResult(Branch b, State state, JsonNode result, CommitBatch batch) {
    Common c = state.common();
    EvaluationScope scope = scope(b);
    if (c.jsonata()) {
      EvaluationScope withResult = scope.withResult(result);
      JsonNode output = c.output() == null ? result : c.output().evaluate(withResult);
      exit(b, state, output, assign(c.assign(), withResult), c.next(), batch);
      return;
    }
    JsonNode selected =
        c.resultSelector() == null ? result : c.resultSelector().evaluate(scope.withInput(result));
    Map<String, JsonNode> assigned = assign(c.assign(), scope.withInput(selected));
    JsonNode output = applyResultPath(c.resultPath(), b.input, selected, scope);
    output = select(c.outputPath(), output, scope, "OutputPath");
    exit(b, state, output, assigned, c.next(), batch);
  }

  private void parallel(Branch b, ParallelState state, CommitBatch batch) {
    Common c = state.common();
    EvaluationScope scope = scope(b);
    JsonNode effective =
        c.jsonata()
            ? (c.parameters() == null ? b.input : c.parameters().evaluate(scope))
            : effectiveInput(b, c, scope);
    event(b, "ParallelStateStarted", JsonCodec.object(), batch);
    List<Branch> children = new ArrayList<>();
    String prefix = b.id + "/" + b.enteredEventId + "." + b.retryTotal + "#";
    for (int i = 0; i < state.branches().size(); i++) {
      Branch child = engine.newChild(b, prefix + i, i, state.branches().get(i));
      child.stateName = state.branches().get(i).startAt();
      child.input = effective;
      children.add(child);
    }
    startChildren(b, new Fanout(prefix, children, 0, 0, -1), effective, batch);
  }

  private void map(Branch b, MapState state, CommitBatch batch) {
    Common c = state.common();
    EvaluationScope scope = scope(b);
    JsonNode effective;
    JsonNode items;
    if (c.jsonata()) {
      effective = b.input;
      items = state.items() == null ? b.input : state.items().evaluate(scope);
      if (!items.isArray()) {
        if (state.items() == null) {
          throw StatesError.query(
              "Map state input must be an array but was: " + JsonCodec.write(items));
        }
        throw StatesError.query(
            "The JSONata expression '"
                + source(state.items())
                + "' specified for the field 'Items' returned an unexpected result type."
                + " Expected 'array', but was '"
                + JsonCodec.typeName(items)
                + "' for value: "
                + JsonCodec.write(items));
      }
    } else {
      effective = select(c.inputPath(), b.input, scope, "InputPath");
      if (state.itemsPath() == null) {
        items = effective;
      } else {
        try {
          items = state.itemsPath().read(scope.withInput(effective));
        } catch (PathExpression.PathNotFoundException e) {
          throw StatesError.runtime(
              "Invalid path '" + state.itemsPath().source() + "' : " + e.getMessage());
        }
      }
      if (!items.isArray()) {
        throw StatesError.query(
            "Map state input must be an array but was: " + JsonCodec.write(items));
      }
    }
    EvaluationScope inputScope = scope.withInput(effective);
    int maxConcurrency =
        mapInteger(
            state.maxConcurrency(), state.maxConcurrencyPath(), inputScope, "MaxConcurrency", 0);
    int toleratedCount =
        mapInteger(
            state.toleratedFailureCount(),
            state.toleratedFailureCountPath(),
            inputScope,
            "ToleratedFailureCount",
            0);
    if (toleratedCount < 0) {
      throw StatesError.runtime("ToleratedFailureCount cannot be negative.");
    }
    double toleratedPercentage = mapPercentage(state, inputScope);
    if (state.toleratedFailureCount() == null && state.toleratedFailureCountPath() == null) {
      toleratedCount =
          state.toleratedFailurePercentage() == null
                  && state.toleratedFailurePercentagePath() == null
              ? 0
              : Integer.MAX_VALUE;
    }
    ObjectNode started = JsonCodec.object();
    started.put("length", items.size());
    event(b, "MapStateStarted", started, batch);
    List<Branch> children = new ArrayList<>();
    String prefix = b.id + "/" + b.enteredEventId + "." + b.retryTotal + "#";
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      JsonNode childInput = item;
      if (state.itemSelector() != null) {
        int index = i;
        EvaluationScope itemScope = inputScope.withContext(() -> mapContext(b, index, item));
        childInput = state.itemSelector().evaluate(itemScope);
      }
      Branch child = engine.newChild(b, prefix + i, i, state.processor());
      child.stateName = state.processor().startAt();
      child.input = childInput;
      children.add(child);
    }
    startChildren(
        b,
        new Fanout(prefix, children, maxConcurrency, toleratedCount, toleratedPercentage),
        effective,
        batch);
  }

  private JsonNode mapContext(Branch b, int index, JsonNode item) {
    ObjectNode context = (ObjectNode) engine.contextObject(b);
    ObjectNode mapItem = context.putObject("Map").putObject("Item");
    mapItem.put("Index", index);
    mapItem.set("Value", item);
    return context;
  }

  private int mapInteger(
      Template literal, PathExpression path, EvaluationScope scope, String field, int fallback) {
    if (literal != null) {
      JsonNode value = literal.evaluate(scope);
      if (!value.isIntegralNumber()) {
        throw StatesError.query(
            "The " + field + " field must be an integer, but was: " + JsonCodec.write(value));
      }
      return value.intValue();
    }
    if (path == null) {
      return fallback;
    }
    JsonNode value;
    try {
      value = path.read(scope);
    } catch (PathExpression.PathNotFoundException e) {
      throw StatesError.runtime("Invalid path '" + path.source() + "' : " + e.getMessage());
    }
    if (value.isTextual() && value.textValue().matches("-?[0-9]{1,9}")) {
      value = JsonCodec.NODES.numberNode(Integer.parseInt(value.textValue()));
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw StatesError.runtime(
          "The "
              + field
              + "Path field refers to value \""
              + plain(value)
              + "\" which is not a valid integer: "
              + path.source());
    }
    return value.intValue();
  }

  private double mapPercentage(MapState state, EvaluationScope scope) {
    JsonNode value = null;
    if (state.toleratedFailurePercentage() != null) {
      value = state.toleratedFailurePercentage().evaluate(scope);
    } else if (state.toleratedFailurePercentagePath() != null) {
      PathExpression path = state.toleratedFailurePercentagePath();
      try {
        value = path.read(scope);
      } catch (PathExpression.PathNotFoundException e) {
        throw StatesError.runtime("Invalid path '" + path.source() + "' : " + e.getMessage());
      }
      if (value.isTextual() && value.textValue().matches("-?[0-9]+(\\.[0-9]+)?")) {
        value = JsonCodec.NODES.numberNode(Double.parseDouble(value.textValue()));
      }
      if (!value.isNumber()) {
        throw StatesError.runtime(
            "The ToleratedFailurePercentagePath field refers to value \""
                + plain(value)
                + "\" which is not a valid float: "
                + path.source());
      }
    }
    if (value == null) {
      return -1;
    }
    double percentage = value.doubleValue();
    if (percentage < 0 || percentage > 100) {
      throw StatesError.runtime("ToleratedFailurePercentage must be between 0 and 100.");
    }
    return percentage;
  }

  private void startChildren(Branch b, Fanout fanout, JsonNode effective, CommitBatch batch) {
    b.fanout = fanout;
    b.phase = Phase.CHILDREN;
    boolean isMap = b.state() instanceof MapState;
    for (Branch child : fanout.children) {
      child.inputJson = JsonCodec.write(child.input);
      child.phase = Phase.PENDING;
    }
    engine.save(b, batch);
    startMore(b, isMap, batch);
    if (fanout.children.isEmpty()) {
      fanout.completionQueued = true;
      batch.afterCommit(() -> engine.enqueue(b));
    }
    for (Branch child : fanout.children) {
      if (child.phase == Phase.PENDING) {
        engine.save(child, batch);
      }
    }
  }

  private void startMore(Branch parent, boolean isMap, CommitBatch batch) {
    Fanout fanout = parent.fanout;
    int running = fanout.started - fanout.finished;
    while (fanout.started < fanout.children.size()
        && (fanout.maxConcurrency <= 0 || running < fanout.maxConcurrency)) {
      Branch child = fanout.children.get(fanout.started++);
      running++;
      child.phase = Phase.ENTER;
      if (isMap) {
        mapIterationEvent(parent, child, "MapIterationStarted", batch);
      }
      engine.save(child, batch);
      batch.afterCommit(() -> engine.enqueue(child));
    }
  }

  private void childrenFinished(Branch b, State state, CommitBatch batch) {
    Fanout fanout = b.fanout;
    boolean isMap = state instanceof MapState;
    String kind = isMap ? "Map" : "Parallel";
    b.fanout = null;
    engine.deleteChildren(b, batch);
    for (Branch child : fanout.children) {
      engine.forget(child);
    }
    if (fanout.failure != null) {
      event(b, kind + "StateFailed", JsonCodec.object(), batch);
      throw fanout.failure;
    }
    ArrayNode results = JsonCodec.array();
    for (Branch child : fanout.children) {
      results.add(child.output == null ? JsonCodec.NODES.nullNode() : child.output);
    }
    event(b, kind + "StateSucceeded", JsonCodec.object(), batch);
    finishWithResult(b, state, results, batch);
  }

  // ---- endings ------------------------------------------------------------------------------

  /** Records the state's exit and moves on to {@code next}, or ends the branch. */
  private void exit(
      Branch b,
      State state,
      JsonNode output,
      Map<String, JsonNode> assigned,
      String next,
      CommitBatch batch) {
    String outputJson = checkSize(output, state.name());
    if (!assigned.isEmpty()) {
      b.variables = b.variables.with(assigned);
    }
    ObjectNode details = JsonCodec.object();
    details.put("name", state.name());
    details.put("output", outputJson);
    details.set("outputDetails", truncatedFalse());
    if (!assigned.isEmpty()) {
      ObjectNode variables = details.putObject("assignedVariables");
      assigned.forEach((name, value) -> variables.put(name, JsonCodec.write(value)));
      details.set("assignedVariablesDetails", truncatedFalse());
    }
    event(b, state.common().type() + "StateExited", details, batch);
    b.retryCounts = null;
    if (next == null) {
      branchSucceeded(b, output, outputJson, batch);
      return;
    }
    moveTo(b, next, output, outputJson, batch);
  }

  private void moveTo(Branch b, String next, JsonNode input, String inputJson, CommitBatch batch) {
    b.stateName = next;
    b.input = input;
    b.inputJson = inputJson;
    b.phase = Phase.ENTER;
    b.wakeAt = null;
    engine.save(b, batch);
    batch.afterCommit(() -> engine.enqueue(b));
  }

  private void branchSucceeded(Branch b, JsonNode output, String outputJson, CommitBatch batch) {
    b.output = output;
    b.outputJson = outputJson;
    b.phase = Phase.DONE;
    Execution execution = b.execution;
    if (b.parent == null) {
      ObjectNode details = JsonCodec.object();
      details.put("output", outputJson);
      details.set("outputDetails", truncatedFalse());
      event(b, "ExecutionSucceeded", details, batch);
      engine.finish(execution, ExecutionStatus.SUCCEEDED, outputJson, null, null, batch);
      return;
    }
    nestedBranchEnded(b, "MapIterationSucceeded", null, batch);
  }

  private void branchFailed(Branch b, StatesError error, CommitBatch batch) {
    b.phase = Phase.FAILED;
    b.failure = error;
    if (b.parent == null) {
      ObjectNode details = JsonCodec.object();
      putNullable(details, "error", error.error());
      putNullable(details, "cause", error.cause());
      event(b, "ExecutionFailed", details, batch);
      engine.finish(b.execution, ExecutionStatus.FAILED, null, error.error(), error.cause(), batch);
      return;
    }
    nestedBranchEnded(b, "MapIterationFailed", error, batch);
  }

  /** A Map iteration or Parallel branch ended: its Map event, then its parent's bookkeeping. */
  private void nestedBranchEnded(Branch b, String mapEvent, StatesError error, CommitBatch batch) {
    Branch parent = b.parent;
    if (parent.state() instanceof MapState) {
      mapIterationEvent(parent, b, mapEvent, batch);
    }
    engine.save(b, batch);
    childFinished(parent, b, error, batch);
  }

  /** A {@code MapIteration...} event of {@code iteration}, a branch of Map state {@code map}. */
  private void mapIterationEvent(Branch map, Branch iteration, String type, CommitBatch batch) {
    ObjectNode details = JsonCodec.object();
    details.put("index", iteration.index);
    details.put("name", map.stateName);
    event(iteration, type, details, batch);
  }

  private void childFinished(Branch parent, Branch child, StatesError error, CommitBatch batch) {
    Fanout fanout = parent.fanout;
    if (fanout == null || fanout.completionQueued) {
      return;
    }
    fanout.finished++;
    boolean isMap = parent.state() instanceof MapState;
    if (error != null) {
      fanout.failed++;
      if (!isMap || exceedsTolerance(fanout)) {
        fanout.failure =
            isMap && tolerates(fanout)
                ? StatesError.of(
                    "States.ExceedToleratedFailureThreshold",
                    "The specified tolerated failure threshold was exceeded")
                : error;
        for (Branch sibling : fanout.children) {
          if (!sibling.finished()) {
            sibling.aborted = true;
            if (sibling.timer != null) {
              sibling.timer.cancel();
            }
            if (isMap && sibling.phase != Phase.PENDING) {
              mapIterationEvent(parent, sibling, "MapIterationAborted", batch);
            }
          }
        }
      }
    }
    if (fanout.failure == null) {
      startMore(parent, isMap, batch);
    }
    if (fanout.complete()) {
      fanout.completionQueued = true;
      batch.afterCommit(() -> engine.enqueue(parent));
    }
  }

  private static boolean tolerates(Fanout fanout) {
    return fanout.toleratedCount > 0 || fanout.toleratedPercentage > 0;
  }

  private static boolean exceedsTolerance(Fanout fanout) {
    if (fanout.failed > fanout.toleratedCount) {
      if (fanout.toleratedPercentage < 0) {
        return true;
      }
      double percentage = 100.0 * fanout.failed / fanout.children.size();
      return percentage > fanout.toleratedPercentage || fanout.toleratedCount != Integer.MAX_VALUE;
    }
    return false;
  }

  /** Retries, catches, or fails the branch with {@code error}. */
  private void handleError(Branch b, State state, StatesError error, CommitBatch batch) {
    Common c = state.common();
    boolean recoverable =
        state instanceof TaskState || state instanceof MapState || state instanceof ParallelState;
    if (recoverable && b.phase != Phase.DONE && b.phase != Phase.FAILED) {
      if (retry(b, c, error, batch)) {
        return;
      }
      for (Catcher catcher : c.catchers()) {
        if (matches(catcher.errorEquals(), error, state instanceof TaskState)) {
          catchError(b, state, catcher, error, batch);
          return;
        }
      }
    }
    b.taskToken = null;
    branchFailed(b, error, batch);
  }

  private boolean retry(Branch b, Common c, StatesError error, CommitBatch batch) {
    List<Retrier> retriers = c.retry();
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      if (!matches(retrier.errorEquals(), error, true)) {
        continue;
      }
      if (b.retryCounts == null) {
        b.retryCounts = new int[retriers.size()];
      }
      int attempts = b.retryCounts[i];
      if (attempts >= retrier.maxAttempts()) {
        return false;
      }
      b.retryCounts[i] = attempts + 1;
      b.retryTotal++;
      double delay = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempts);
      if (retrier.maxDelaySeconds() != null) {
        delay = Math.min(delay, retrier.maxDelaySeconds());
      }
      if (retrier.fullJitter()) {
        delay = ThreadLocalRandom.current().nextDouble() * delay;
      }
      Instant wakeAt = engine.now().plusNanos((long) (delay * 1e9));
      b.phase = Phase.RETRY_WAIT;
      b.wakeAt = wakeAt;
      engine.save(b, batch);
      batch.afterCommit(() -> engine.wakeAt(b, wakeAt));
      return true;
    }
    return false;
  }

  /**
   * Whether a retrier's or catcher's {@code ErrorEquals} takes {@code failure}. {@code
   * States.Runtime} "isn't retriable, and will always cause the execution to fail": no name takes
   * it, not even its own. A {@code States.DataLimitExceeded} of the state's own input or output is
   * terminal to the wildcards and taken only by its name; one of a task's result is a task failure
   * like any other.
   */
  static boolean matches(List<String> errorEquals, StatesError failure, boolean fromTask) {
    String error = failure.error();
    if ("States.Runtime".equals(error)) {
      return false;
    }
    boolean terminal = "States.DataLimitExceeded".equals(error) && !failure.fromTask();
    for (String name : errorEquals) {
      if (name.equals(error)) {
        return true;
      }
      if (terminal) {
        continue;
      }
      if (name.equals("States.ALL")) {
        return true;
      }
      if (name.equals("States.TaskFailed") && fromTask && !"States.Timeout".equals(error)) {
        return true;
      }
    }
    return false;
  }

  private void catchError(
      Branch b, State state, Catcher catcher, StatesError error, CommitBatch batch) {
    Common c = state.common();
    // AWS binds an empty string where the error has no name or cause (States.Timeout has none).
    ObjectNode errorOutput = JsonCodec.object();
    errorOutput.put("Error", error.error() == null ? "" : error.error());
    errorOutput.put("Cause", error.cause() == null ? "" : error.cause());
    EvaluationScope scope = scope(b).withErrorOutput(errorOutput);
    JsonNode output;
    Map<String, JsonNode> assigned;
    if (c.jsonata()) {
      output = catcher.output() == null ? errorOutput : catcher.output().evaluate(scope);
      assigned = assign(catcher.assign(), scope);
    } else {
      assigned = assign(catcher.assign(), scope.withInput(errorOutput));
      output = applyResultPath(catcher.resultPath(), b.input, errorOutput, scope);
    }
    b.taskToken = null;
    String outputJson = checkSize(output, state.name());
    if (!assigned.isEmpty()) {
      b.variables = b.variables.with(assigned);
    }
    ObjectNode details = JsonCodec.object();
    details.put("name", state.name());
    details.put("output", outputJson);
    details.set("outputDetails", truncatedFalse());
    event(b, c.type() + "StateExited", details, batch);
    b.retryCounts = null;
    moveTo(b, catcher.next(), output, outputJson, batch);
  }

  // ---- data flow ----------------------------------------------------------------------------

  EvaluationScope scope(Branch b) {
    return new EvaluationScope(b.input, b.variables, () -> engine.contextObject(b), null, null);
  }

  private JsonNode effectiveInput(Branch b, Common c, EvaluationScope scope) {
    JsonNode selected = select(c.inputPath(), b.input, scope, "InputPath");
    if (c.parameters() == null) {
      return selected;
    }
    return c.parameters().evaluate(scope.withInput(selected));
  }

  private JsonNode applyResult(Common c, JsonNode raw, JsonNode result, EvaluationScope scope) {
    JsonNode combined = applyResultPath(c.resultPath(), raw, result, scope);
    return select(c.outputPath(), combined, scope, "OutputPath");
  }

  private static JsonNode applyResultPath(
      ResultTarget target, JsonNode raw, JsonNode result, EvaluationScope scope) {
    if (target.path() == null) {
      return raw;
    }
    return target.path().write(raw, result);
  }

  private static JsonNode select(
      Selector selector, JsonNode node, EvaluationScope scope, String field) {
    if (selector.isRoot()) {
      return node;
    }
    if (selector.path() == null) {
      return JsonCodec.object();
    }
    try {
      return selector.path().read(scope.withInput(node));
    } catch (PathExpression.PathNotFoundException e) {
      throw StatesError.runtime(
          "Invalid path '" + selector.path().source() + "' : " + e.getMessage());
    }
  }

  private static Map<String, JsonNode> assign(Template assign, EvaluationScope scope) {
    if (assign == null) {
      return Map.of();
    }
    JsonNode values = assign.evaluate(scope);
    Map<String, JsonNode> assigned = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : values.properties()) {
      assigned.put(field.getKey(), field.getValue());
    }
    return assigned;
  }

  /** The JSON text of a state's input or output, failing the state past 256 KiB. */
  private static String checkSize(JsonNode node, String stateName) {
    String json = JsonCodec.write(node);
    if (tooLarge(json)) {
      throw StatesError.of(
          "States.DataLimitExceeded",
          "The state/task '"
              + stateName
              + "' returned a result with a size exceeding the maximum number of bytes service"
              + " limit.");
    }
    return json;
  }

  /** Whether JSON text is past the 256 KiB payload quota (in UTF-8 bytes). */
  static boolean tooLarge(String json) {
    return json.length() > PAYLOAD_LIMIT / 4
        && json.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_LIMIT;
  }

  // ---- events -------------------------------------------------------------------------------

  long event(Branch b, String type, ObjectNode details, CommitBatch batch) {
    Execution execution = b.execution;
    long id = ++execution.lastEventId;
    HistoryEvent event = new HistoryEvent(id, b.lastEventId, engine.now(), type, details);
    b.lastEventId = id;
    engine.record(b, event, batch);
    return id;
  }

  private static ObjectNode resourceDetails(String resource) {
    ObjectNode details = JsonCodec.object();
    String prefix = "arn:aws:states:::";
    if (resource != null && resource.startsWith(prefix)) {
      String rest = resource.substring(prefix.length());
      int colon = rest.indexOf(':');
      details.put("resourceType", colon < 0 ? rest : rest.substring(0, colon));
      details.put("resource", colon < 0 ? rest : rest.substring(colon + 1));
    } else {
      details.put("resourceType", "lambda");
      details.put("resource", resource);
    }
    return details;
  }

  private static ObjectNode truncatedFalse() {
    ObjectNode details = JsonCodec.object();
    details.put("truncated", false);
    return details;
  }

  private static void putNullable(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
