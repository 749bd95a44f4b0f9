package dev.statecraft.compiler.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.ErrorName;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.JavaPrinter;
import dev.statecraft.compiler.ir.Liveness;
import dev.statecraft.compiler.ir.RetryPolicy;
import dev.statecraft.compiler.ir.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One graph of states: the workflow itself, or the body of a Map iteration or Parallel branch.
 * Statements are emitted in order; the {@link Edge}s leaving the last emitted states form the
 * cursor, carrying the code that runs before the next state (see {@link PendingCode}).
 *
 * <p>Loops are rotated: a top Choice tests the condition once on entry, and a bottom Choice repeats
 * the body, so each iteration costs one Choice. {@code try} attaches {@code Catch} to every Task,
 * Map and Parallel it encloses; {@code throw} inside it jumps straight to the handler; {@code
 * finally} is emitted on every way out.
 */
final class StateGraph {
  static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
  static final String LAMBDA_CALLBACK = "arn:aws:states:::lambda:invoke.waitForTaskToken";
  static final String START_EXECUTION = "arn:aws:states:::states:startExecution.sync:2";
  static final String CALLBACK_URL = "${StatecraftCallbackUrl}";

  /**
   * The payload key under which every activity call also gets where it runs, for the function's
   * logs and traces: the same key as {@code ActivityInput.CONTEXT_KEY}; no Java parameter can be
   * named so.
   */
  static final String CONTEXT_KEY = "@statecraft";

  private static final String CONTEXT =
      "{% {'execution': $states.context.Execution.Id, 'state': $states.context.State.Name,"
          + " 'attempt': $states.context.State.RetryCount} %}";
  private static final List<String> LAMBDA_SERVICE_ERRORS =
      List.of(
          "Lambda.ClientExecutionTimeoutException",
          "Lambda.ServiceException",
          "Lambda.AWSLambdaException",
          "Lambda.SdkClientException");

  /** What every graph of one workflow shares. */
  record Shared(
      AslNames names,
      JsonataRenderer renderer,
      Liveness liveness,
      String workflow,
      List<AslEmitter.CallbackWait> waits) {}

  /** A loop or switch that {@code break} (and for loops {@code continue}) can reach. */
  private static final class JumpTarget {
    final boolean loop;
    final Optional<String> label;
    final int tryDepth;
    final List<Edge> breaks = new ArrayList<>();
    final List<Edge> continues = new ArrayList<>();

    JumpTarget(boolean loop, Optional<String> label, int tryDepth) {
      this.loop = loop;
      this.label = label;
      this.tryDepth = tryDepth;
    }
  }

  /** An enclosing {@code try}: its handlers' entry edges, and its {@code finally}. */
  private static final class TryFrame {
    final Stmt.Try statement;
    final List<List<Edge>> handlers = new ArrayList<>();
    final List<Edge> uncaught = new ArrayList<>();
    final String pendingError;
    final String pendingCause;

    TryFrame(Stmt.Try statement, String pendingError, String pendingCause) {
      this.statement = statement;
      this.pendingError = pendingError;
      this.pendingCause = pendingCause;
      statement.catches().forEach(c -> handlers.add(new ArrayList<>()));
    }
  }

  /** Which kind of state a Catch is attached to, since error names differ per kind. */
  private enum Source {
    ACTIVITY,
    CALLBACK,
    CHILD,
    NESTED
  }

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final Shared shared;
  private final Map<String, ObjectNode> states = new LinkedHashMap<>();
  private final Deque<JumpTarget> jumps = new ArrayDeque<>();
  private final Deque<TryFrame> tries = new ArrayDeque<>();
  private String startAt;
  private List<Edge> cursor;

  StateGraph(Shared shared, List<Edge.Pending> entry) {
    this.shared = shared;
    this.cursor = List.of(new Edge(Edge.Kind.ENTRY, null, entry));
  }

  /** Emits {@code body}; a graph whose body can finish ends with {@code output}. */
  StateGraph emit(Block body, Jsonata output) {
    block(body);
    if (!cursor.isEmpty()) {
      end(output);
    }
    return this;
  }

  String startAt() {
    return startAt;
  }

  /** The states, each with its fields in ASL's customary order. */
  ObjectNode statesJson() {
    ThreadChoices.run(states, startAt);
    ObjectNode out = nodes.objectNode();
    states.forEach((name, state) -> out.set(name, AslEmitter.ordered(state)));
    return out;
  }

  private AslNames names() {
    return shared.names();
  }

  private Jsonata render(Expr e) {
    return shared.renderer().render(e);
  }

  private void block(Block block) {
    for (Stmt s : block.statements()) {
      if (cursor.isEmpty()) {
        return; // unreachable; CheckControlFlow reported it
      }
      statement(s);
    }
  }

  private void statement(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      assignGuarded(names().variable(a.target().name()), render(a.value()), a);
    } else if (s instanceof Stmt.Declare) {
      // Definite assignment guarantees a value is assigned before any read.
    } else if (s instanceof Stmt.Invoke i) {
      invoke(i);
    } else if (s instanceof Stmt.If i) {
      branch(i);
    } else if (s instanceof Stmt.Return r) {
      Jsonata value =
          beforeFinallies(
              0,
              guard(r.value().map(this::render).orElse(Jsonata.atom("null")), r, "returned"),
              "returned");
      runFinallies(0);
      end(value);
    } else if (s instanceof Stmt.Yield y) {
      end(render(y.value()));
    } else if (s instanceof Stmt.Fail f) {
      fail(f);
    } else if (s instanceof Stmt.Loop l && DataLoops.lowerable(l)) {
      // No durable call inside: one expression on the neighbouring state, no transitions.
      DataLoops.lower(l, shared.renderer(), names())
          .forEach(p -> assign(p.variable(), p.expression()));
    } else if (s instanceof Stmt.Loop l) {
      loop(l);
    } else if (s instanceof Stmt.Break b) {
      jump(b.label(), false);
    } else if (s instanceof Stmt.Continue c) {
      jump(c.label(), true);
    } else if (s instanceof Stmt.Switch sw) {
      switchStatement(sw);
    } else if (s instanceof Stmt.Try t) {
      tryStatement(t);
    } else if (s instanceof Stmt.DurableMap m) {
      map(m);
    } else if (s instanceof Stmt.DurableParallel p) {
      parallel(p);
    } else if (s instanceof Stmt.Sleep w) {
      sleep(w);
    } else if (s instanceof Stmt.AwaitCallback a) {
      awaitCallback(a);
    } else if (s instanceof Stmt.StartChild c) {
      child(c);
    } else {
      throw new IllegalStateException(
          "the AWS back end cannot emit " + s.getClass().getSimpleName());
    }
  }

  private void assign(String variable, Jsonata value) {
    for (Edge e : cursor) {
      e.pending.add(new Edge.Pending(variable, value));
    }
  }

  // ---- activities, callbacks, children --------------------------------------------------------

  private void invoke(Stmt.Invoke call) {
    ActivityMethod activity = call.activity();
    List<Jsonata> args = guardAll(call.arguments(), call);
    ObjectNode task = newState(names().pascal(activity.name()), "Task");
    task.put("Resource", LAMBDA_INVOKE);
    List<Edge.Pending> inherited = enter(task, call);
    task.set("Arguments", lambdaArguments(activity, args, inherited));
    task.put("TimeoutSeconds", seconds(activity.timeout()));
    task.set("Retry", retry(activity.retry()));
    Edge exit = new Edge(Edge.Kind.STATE, task, inherited);
    call.target()
        .ifPresent(
            t ->
                exit.pending.add(
                    new Edge.Pending(
                        names().variable(t.name()), Jsonata.atom("$states.result.Payload"))));
    catches(task, Source.ACTIVITY, inherited);
    cursor = List.of(exit);
  }

  private ObjectNode lambdaArguments(
      ActivityMethod activity, List<Jsonata> args, List<Edge.Pending> inherited) {
    ObjectNode arguments = nodes.objectNode();
    arguments.put("FunctionName", AslEmitter.functionPlaceholder(activity));
    ObjectNode payload = arguments.putObject("Payload");
    for (int i = 0; i < activity.parameters().size(); i++) {
      payload.set(
          activity.parameters().get(i).name(), value(PendingCode.inline(inherited, args.get(i))));
    }
    payload.put(CONTEXT_KEY, CONTEXT);
    return arguments;
  }

  private void awaitCallback(Stmt.AwaitCallback a) {
    Stmt.Invoke notify = (Stmt.Invoke) a.notifier().statements().get(0);
    ActivityMethod activity = notify.activity();
    List<Jsonata> args = guardAll(notify.arguments(), a);
    Jsonata timeout = guard(render(a.timeoutSeconds()), a, "timeout");
    ObjectNode task = newState("Await" + names().pascal(activity.name()), "Task");
    task.put("Resource", LAMBDA_CALLBACK);
    shared.waits().add(new AslEmitter.CallbackWait(name(task), a.resultType(), activity));
    List<Edge.Pending> inherited = new ArrayList<>(enter(task, a));
    String token = "$states.context.Task.Token";
    inherited.add(
        new Edge.Pending(
            names().variable(a.callback().name()),
            Jsonata.atom(
                "{'token': "
                    + token
                    + ", 'url': '"
                    + CALLBACK_URL
                    + "/"
                    + shared.workflow()
                    + "/"
                    + name(task)
                    + "?token=' & $encodeUrlComponent("
                    + token
                    + ")}")));
    task.set("Arguments", lambdaArguments(activity, args, inherited));
    task.set(
        "TimeoutSeconds",
        value(PendingCode.inline(inherited.subList(0, inherited.size() - 1), timeout)));
    task.set("Retry", retry(callbackRetry(activity.retry())));
    Edge exit = new Edge(Edge.Kind.STATE, task, inherited.subList(0, inherited.size() - 1));
    a.target()
        .ifPresent(
            t ->
                exit.pending.add(
                    new Edge.Pending(
                        names().variable(t.name()),
                        shared
                            .renderer()
                            .presentFields(Jsonata.atom("$states.result"), a.resultType()))));
    catches(task, Source.CALLBACK, inherited.subList(0, inherited.size() - 1));
    cursor = List.of(exit);
  }

  private void child(Stmt.StartChild c) {
    Optional<Jsonata> input = c.input().map(e -> guard(childInput(e), c, "childInput"));
    ObjectNode task = newState("Run" + names().pascal(c.workflowName()), "Task");
    task.put("Resource", START_EXECUTION);
    List<Edge.Pending> inherited = enter(task, c);
    ObjectNode arguments = task.putObject("Arguments");
    arguments.put("StateMachineArn", AslEmitter.stateMachinePlaceholder(c.workflowName()));
    input.ifPresent(e -> arguments.set("Input", value(PendingCode.inline(inherited, e))));
    Edge exit = new Edge(Edge.Kind.STATE, task, inherited);
    c.target()
        .ifPresent(
            t ->
                exit.pending.add(
                    new Edge.Pending(
                        names().variable(t.name()), Jsonata.atom("$states.result.Output"))));
    catches(task, Source.CHILD, inherited);
    cursor = List.of(exit);
  }

  /**
   * A child's {@code Input}: StartExecution takes the input's JSON text, or an object or array that
   * Step Functions serializes. So a record, list or map goes as it is, and a scalar as its JSON
   * text, or a {@code String} argument would arrive as the text of a JSON document, not as a JSON
   * string.
   */
  private Jsonata childInput(Expr e) {
    Jsonata value = render(e);
    IrType type = e.type();
    if (type instanceof IrType.RecordType
        || type instanceof IrType.ListType
        || type instanceof IrType.MapType) {
      return value;
    }
    if (value.constant() != null) {
      String json = value.constant().toString();
      return Jsonata.constant(JsonataRenderer.string(json), nodes.textNode(json), Jsonata.ATOM);
    }
    return new Jsonata(
        "($__json := $string(["
            + value.text()
            + "]); $substring($__json, 1, $length($__json) - 2))",
        value.reads(),
        Jsonata.ATOM);
  }

  private void sleep(Stmt.Sleep w) {
    Jsonata seconds = guard(render(w.seconds()), w, "seconds");
    ObjectNode wait = newState("Sleep", "Wait");
    List<Edge.Pending> inherited = enter(wait, w);
    wait.set("Seconds", value(PendingCode.inline(inherited, seconds)));
    cursor = List.of(new Edge(Edge.Kind.STATE, wait, inherited));
  }

  /**
   * A callback's Task fails when the notifying activity fails, when the wait times out, and when
   * the answer is a failure; Java retries only the first, so only the activity's own exception
   * classes are retried.
   */
  private static RetryPolicy callbackRetry(RetryPolicy policy) {
    List<ErrorName> classes =
        policy.retryOn().stream().filter(e -> e instanceof ErrorName.ExceptionClass).toList();
    if (classes.isEmpty()) {
      return RetryPolicy.NONE;
    }
    return new RetryPolicy(
        policy.maxAttempts(),
        policy.initialInterval(),
        policy.backoffRate(),
        policy.maxInterval(),
        classes);
  }

  private ArrayNode retry(RetryPolicy policy) {
    ArrayNode retry = nodes.arrayNode();
    ObjectNode service = retry.addObject();
    LAMBDA_SERVICE_ERRORS.forEach(service.putArray("ErrorEquals")::add);
    service.put("IntervalSeconds", 1);
    service.put("MaxAttempts", 3);
    service.put("BackoffRate", 2.0);
    service.put("JitterStrategy", "FULL");
    if (policy.retries()) {
      ObjectNode user = retry.addObject();
      ArrayNode errors = user.putArray("ErrorEquals");
      AslEmitter.errorNames(policy.retryOn()).forEach(errors::add);
      user.put("IntervalSeconds", seconds(policy.initialInterval()));
      user.put("MaxAttempts", policy.maxAttempts() - 1);
      user.put("BackoffRate", policy.backoffRate());
      policy.maxInterval().ifPresent(m -> user.put("MaxDelaySeconds", seconds(m)));
    }
    return retry;
  }

  private static long seconds(java.time.Duration d) {
    return Math.max(1, (long) Math.ceil(d.toMillis() / 1000.0));
  }

  // ---- map and parallel -----------------------------------------------------------------------

  /**
   * A Map state. Each iteration gets the item and the outer values its body reads through {@code
   * ItemSelector}, so the body never depends on what was assigned before the Map.
   */
  private void map(Stmt.DurableMap m) {
    Jsonata items = guard(render(m.items()), m, "items");
    ObjectNode map =
        newState("Map" + m.target().map(t -> names().pascal(t.name())).orElse(""), "Map");
    List<Edge.Pending> inherited = enter(map, m);
    map.set("Items", value(PendingCode.inline(inherited, items)));
    if (m.maxConcurrency() > 0) {
      map.put("MaxConcurrency", m.maxConcurrency());
    }
    String item = names().variable(m.item().name());
    ObjectNode selector = map.putObject("ItemSelector");
    selector.put(item, "{% $states.context.Map.Item.Value %}");
    List<Edge.Pending> entry = new ArrayList<>();
    entry.add(new Edge.Pending(item, Jsonata.atom("$states.input." + item)));
    passOuterValues(aslNames(bodyReads(m.body(), m.item().name())), inherited, selector, entry);
    StateGraph body = new StateGraph(shared, entry).emit(m.body(), Jsonata.atom("null"));
    ObjectNode processor = map.putObject("ItemProcessor");
    processor.putObject("ProcessorConfig").put("Mode", "INLINE");
    processor.put("StartAt", body.startAt);
    processor.set("States", body.statesJson());
    Edge exit = new Edge(Edge.Kind.STATE, map, inherited);
    m.target()
        .ifPresent(
            t ->
                exit.pending.add(
                    new Edge.Pending(names().variable(t.name()), Jsonata.atom("$states.result"))));
    catches(map, Source.NESTED, inherited, m.body());
    cursor = List.of(exit);
  }

  /** A Parallel state; each branch gets the outer values it reads through {@code Arguments}. */
  private void parallel(Stmt.DurableParallel p) {
    ObjectNode parallel =
        newState("Parallel" + p.target().map(t -> names().pascal(t.name())).orElse(""), "Parallel");
    List<Edge.Pending> inherited = enter(parallel, p);
    Set<String> reads = new HashSet<>();
    p.branches().forEach(b -> reads.addAll(bodyReads(b, null)));
    ObjectNode arguments = nodes.objectNode();
    List<Edge.Pending> entry = new ArrayList<>();
    passOuterValues(aslNames(reads), inherited, arguments, entry);
    if (!arguments.isEmpty()) {
      parallel.set("Arguments", arguments);
    }
    ArrayNode branches = parallel.putArray("Branches");
    for (Block branch : p.branches()) {
      StateGraph g = new StateGraph(shared, entry).emit(branch, Jsonata.atom("null"));
      ObjectNode b = branches.addObject();
      b.put("StartAt", g.startAt);
      b.set("States", g.statesJson());
    }
    Edge exit = new Edge(Edge.Kind.STATE, parallel, inherited);
    p.target()
        .ifPresent(
            t -> {
              StringBuilder pair = new StringBuilder("{");
              String[] fields = {"first", "second", "third"};
              for (int i = 0; i < p.branches().size(); i++) {
                pair.append(i == 0 ? "" : ", ")
                    .append("'")
                    .append(fields[i])
                    .append("': $states.result[")
                    .append(i)
                    .append("]");
              }
              exit.pending.add(
                  new Edge.Pending(
                      names().variable(t.name()), Jsonata.atom(pair.append("}").toString())));
            });
    catches(parallel, Source.NESTED, inherited, p.branches().toArray(Block[]::new));
    cursor = List.of(exit);
  }

  /**
   * Hands the outer variables a nested body reads to it: each becomes a field of the nested graph's
   * input ({@code into}) and a variable its entry assigns from that field.
   */
  private void passOuterValues(
      Set<String> variables,
      List<Edge.Pending> inherited,
      ObjectNode into,
      List<Edge.Pending> entry) {
    for (String variable : new java.util.TreeSet<>(variables)) {
      into.set(
          variable,
          value(
              PendingCode.inline(
                  inherited, new Jsonata("$" + variable, Set.of(variable), Jsonata.ATOM))));
      entry.add(new Edge.Pending(variable, Jsonata.atom("$states.input." + variable)));
    }
  }

  /** The outer locals a lambda body reads. */
  private Set<String> bodyReads(Block body, String parameter) {
    Set<String> reads = new HashSet<>(shared.liveness().liveIn(body.statements().get(0)));
    if (parameter != null) {
      reads.remove(parameter);
    }
    return reads;
  }

  // ---- control flow ---------------------------------------------------------------------------

  private void branch(Stmt.If branch) {
    Jsonata condition = guard(render(branch.condition()), branch, "condition");
    ObjectNode choice = newState(names().choiceName(branch.condition()), "Choice");
    choice.put("Comment", "if (" + JavaPrinter.forComments().print(branch.condition()) + ")");
    List<Edge.Pending> inherited = enter(choice, branch);
    ObjectNode rule = choice.putArray("Choices").addObject();
    rule.put("Condition", expression(PendingCode.inline(inherited, condition)));
    cursor = List.of(new Edge(Edge.Kind.RULE, rule, inherited));
    block(branch.then());
    List<Edge> afterThen = cursor;
    cursor = List.of(new Edge(Edge.Kind.OTHERWISE, choice, inherited));
    block(branch.otherwise());
    List<Edge> joined = new ArrayList<>(afterThen);
    joined.addAll(cursor);
    cursor = joined;
  }

  /**
   * A loop, rotated: {@code while (c) B} runs as {@code if (c) { do B while (c) }}, so the
   * condition costs one Choice per iteration and code before the loop may still ride on the first
   * test.
   */
  private void loop(Stmt.Loop l) {
    String comment =
        (l.testFirst() ? "while (" : "do ... while (")
            + JavaPrinter.forComments().print(l.condition())
            + ")";
    List<Edge> exits = new ArrayList<>();
    boolean always = l.condition() instanceof Expr.Literal lit && Boolean.TRUE.equals(lit.value());
    if (l.testFirst() && !always) {
      Jsonata condition = guard(render(l.condition()), l, "condition");
      ObjectNode top = newState(names().loopName("While", l.condition()), "Choice");
      top.put("Comment", comment);
      List<Edge.Pending> inherited = enter(top, l);
      ObjectNode rule = top.putArray("Choices").addObject();
      rule.put("Condition", expression(PendingCode.inline(inherited, condition)));
      cursor = List.of(new Edge(Edge.Kind.RULE, rule, inherited));
      exits.add(new Edge(Edge.Kind.OTHERWISE, top, inherited));
    } else {
      flushEntryIfShared(l);
    }
    if (always) {
      loopForever(l, comment, exits);
      return;
    }
    // The bottom Choice exists before the body so its rule can start the body again; it is
    // listed after the body's states.
    String bottomName = names().state(names().loopName("Repeat", l.condition()));
    ObjectNode bottom = nodes.objectNode();
    bottom.put("Type", "Choice");
    bottom.put("Comment", comment);
    bottom.put("__name", bottomName);
    ObjectNode again = bottom.putArray("Choices").addObject();
    again.put("Condition", ""); // set once the body is emitted, first among the rule's fields
    List<Edge> bodyEntry = new ArrayList<>(cursor);
    bodyEntry.add(new Edge(Edge.Kind.RULE, again, List.of()));
    cursor = bodyEntry;
    JumpTarget target = loopBody(l);
    Jsonata condition = guard(render(l.condition()), l, "condition");
    again.put("Condition", expression(condition));
    states.put(bottomName, bottom);
    Set<String> live = new HashSet<>(aslNames(shared.liveness().liveAtCheck(l)));
    live.addAll(condition.reads());
    for (Edge e : cursor) {
      link(e, bottom, live);
    }
    exits.add(new Edge(Edge.Kind.OTHERWISE, bottom, List.of()));
    exits.addAll(target.breaks);
    cursor = exits;
  }

  /** Emits the body and update of {@code l}; the cursor ends at the end of the update. */
  private JumpTarget loopBody(Stmt.Loop l) {
    JumpTarget target = new JumpTarget(true, l.label(), tries.size());
    jumps.push(target);
    try {
      block(l.body());
      List<Edge> toUpdate = new ArrayList<>(cursor);
      toUpdate.addAll(target.continues);
      cursor = toUpdate;
      block(l.update());
    } finally {
      jumps.pop();
    }
    return target;
  }

  /**
   * {@code while (true)} needs no Choice of its own: the end of the body jumps straight back to the
   * body's first state, running the code before that state again on the way.
   */
  private void loopForever(Stmt.Loop l, String comment, List<Edge> exits) {
    Edge mark = new Edge(Edge.Kind.MARK, null, List.of());
    List<Edge> bodyEntry = new ArrayList<>(cursor);
    bodyEntry.add(mark);
    cursor = bodyEntry;
    JumpTarget target = loopBody(l);
    if (mark.marked != null) {
      for (Edge e : cursor) {
        e.pending.addAll(mark.pending);
        link(e, states.get(mark.marked), mark.markedLive);
      }
    } else {
      // A body without states: a Choice that always repeats carries the body's code.
      ObjectNode again = newState(names().loopName("Repeat", l.condition()), "Choice");
      again.put("Comment", comment);
      ObjectNode rule = again.putArray("Choices").addObject();
      rule.put("Condition", "{% true %}");
      Set<String> live = aslNames(shared.liveness().liveAtCheck(l));
      for (Edge e : cursor) {
        link(e, again, live);
      }
      link(new Edge(Edge.Kind.RULE, rule, mark.pending), again, live);
    }
    exits.addAll(target.breaks);
    cursor = exits;
  }

  private void switchStatement(Stmt.Switch sw) {
    Jsonata selector = guard(render(sw.selector()), sw, "selector");
    ObjectNode choice = newState("Switch" + names().pascal(nameOf(sw.selector())), "Choice");
    choice.put("Comment", "switch (" + JavaPrinter.forComments().print(sw.selector()) + ")");
    List<Edge.Pending> inherited = enter(choice, sw);
    ArrayNode rules = choice.putArray("Choices");
    JumpTarget target = new JumpTarget(false, Optional.empty(), tries.size());
    jumps.push(target);
    List<Edge> after = new ArrayList<>();
    try {
      for (Stmt.Case c : sw.cases()) {
        List<String> tests = new ArrayList<>();
        for (Expr.Literal label : c.labels()) {
          tests.add(JsonataRenderer.infix("=", Jsonata.COMPARISON, selector, render(label)).text());
        }
        ObjectNode rule = rules.addObject();
        Jsonata test = JsonataRenderer.combine(String.join(" or ", tests), Jsonata.OR, selector);
        rule.put("Condition", expression(PendingCode.inline(inherited, test)));
        cursor = List.of(new Edge(Edge.Kind.RULE, rule, inherited));
        block(c.body());
        after.addAll(cursor);
      }
      cursor = List.of(new Edge(Edge.Kind.OTHERWISE, choice, inherited));
      block(sw.otherwise());
      after.addAll(cursor);
    } finally {
      jumps.pop();
    }
    after.addAll(target.breaks);
    cursor = after;
  }

  private static String nameOf(Expr e) {
    if (e instanceof Expr.Local l) {
      return l.name();
    }
    if (e instanceof Expr.FieldGet f) {
      return f.field();
    }
    return "";
  }

  private void jump(Optional<String> label, boolean isContinue) {
    JumpTarget target = null;
    for (JumpTarget t : jumps) {
      if (label.isPresent() ? t.label.equals(label) : (t.loop || !isContinue)) {
        target = t;
        break;
      }
    }
    if (target == null) {
      throw new IllegalStateException("jump without target: " + label);
    }
    runFinallies(target.tryDepth);
    cursor.stream()
        .filter(e -> e.kind != Edge.Kind.MARK)
        .forEach((isContinue ? target.continues : target.breaks)::add);
    cursor = List.of();
  }

  // ---- try, catch, finally, fail --------------------------------------------------------------

  private void tryStatement(Stmt.Try t) {
    TryFrame frame = new TryFrame(t, names().fresh("pendingError"), names().fresh("pendingCause"));
    tries.push(frame);
    try {
      block(t.body());
    } finally {
      tries.pop();
    }
    List<Edge> after = new ArrayList<>(cursor);
    // Errors raised in a handler still run the finally block.
    TryFrame handlerFrame =
        new TryFrame(
            new Stmt.Try(Block.EMPTY, List.of(), t.finallyBlock(), t.position()),
            frame.pendingError,
            frame.pendingCause);
    tries.push(handlerFrame);
    try {
      for (int i = 0; i < t.catches().size(); i++) {
        if (frame.handlers.get(i).isEmpty()) {
          continue; // nothing in the body can raise what this clause catches
        }
        cursor = frame.handlers.get(i);
        block(t.catches().get(i).body());
        after.addAll(cursor);
      }
    } finally {
      tries.pop();
    }
    frame.uncaught.addAll(handlerFrame.uncaught);
    cursor = after;
    if (!t.finallyBlock().isEmpty()) {
      block(t.finallyBlock());
      if (!frame.uncaught.isEmpty()) {
        List<Edge> normal = cursor;
        cursor = frame.uncaught;
        block(t.finallyBlock());
        rethrow(
            new Jsonata("$" + frame.pendingError, Set.of(frame.pendingError), Jsonata.ATOM),
            new Jsonata("$" + frame.pendingCause, Set.of(frame.pendingCause), Jsonata.ATOM));
        cursor = normal;
      }
    }
  }

  /**
   * {@code value}, or, where it can throw inside a {@code try} that would see the exception (a
   * {@code catch} of its class or a {@code finally}), a variable a guard state assigned it to.
   */
  private Jsonata guard(Jsonata value, Stmt statement, String base) {
    if (!needsGuard(value)) {
      return value;
    }
    String variable = names().fresh(base);
    assignGuarded(variable, value, statement);
    return new Jsonata("$" + variable, Set.of(variable), Jsonata.ATOM);
  }

  /** The arguments, rendered in order, each {@link #guard guarded}. */
  private List<Jsonata> guardAll(List<Expr> args, Stmt statement) {
    List<Jsonata> out = new ArrayList<>();
    for (Expr e : args) {
      out.add(guard(render(e), statement, "argument"));
    }
    return out;
  }

  /**
   * {@code $variable := value} as pending code; where the value can throw inside a {@code try} that
   * would see the exception, evaluated by a guard state first. Step Functions fails the execution
   * when a Pass, Choice or {@code Assign} expression fails: only Task, Map and Parallel states
   * catch. So the guard is a Parallel state whose one branch is a Pass computing the value; its
   * {@code Catch} reads Java's exception back from the error's cause ({@link WorkflowCodeErrors})
   * and goes to the handler Java would run, or through the {@code finally} blocks, with the
   * assignments before the throwing one made, as in Java.
   */
  private void assignGuarded(String variable, Jsonata value, Stmt statement) {
    if (!needsGuard(value)) {
      assign(variable, value);
      return;
    }
    ObjectNode parallel = newState("Guard" + names().pascal(variable), "Parallel");
    parallel.put("Comment", "workflow code that can throw, inside try");
    List<Edge.Pending> inherited = enter(parallel, statement);
    ObjectNode arguments = nodes.objectNode();
    List<Edge.Pending> entry = new ArrayList<>();
    passOuterValues(value.reads(), inherited, arguments, entry);
    if (!arguments.isEmpty()) {
      parallel.set("Arguments", arguments);
    }
    ObjectNode evaluate = nodes.objectNode();
    evaluate.put("Type", "Pass");
    evaluate.put(
        "Output",
        expression(
            PendingCode.inline(
                entry,
                new Jsonata("{'value': " + value.text() + "}", value.reads(), Jsonata.ATOM))));
    evaluate.put("End", true);
    ObjectNode branch = parallel.putArray("Branches").addObject();
    String evaluateName = names().state("Evaluate" + names().pascal(variable));
    branch.put("StartAt", evaluateName);
    branch.putObject("States").set(evaluateName, evaluate);
    Edge exit = new Edge(Edge.Kind.STATE, parallel, inherited);
    exit.pending.add(new Edge.Pending(variable, Jsonata.atom("$states.result[0].value")));
    guardCatches(parallel, variable, value, inherited);
    cursor = List.of(exit);
  }

  /** Whether {@code value} can throw an exception that an enclosing try would see. */
  private boolean needsGuard(Jsonata value) {
    if (!value.text().contains("$error(")) {
      return false;
    }
    Set<String> thrown = WorkflowCodeErrors.thrown(value.text());
    for (TryFrame frame : tries) {
      if (!frame.statement.finallyBlock().isEmpty()) {
        return true;
      }
      for (Stmt.Catch c : frame.statement.catches()) {
        if (thrown.stream().anyMatch(x -> WorkflowCodeErrors.catches(c.errors(), x))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The guard's {@code Catch}: every error the value can throw goes where Java sends it, the first
   * enclosing clause that catches its class, else the innermost {@code finally}, else the end of
   * the execution with Java's exception as its error.
   */
  private void guardCatches(
      ObjectNode parallel, String variable, Jsonata value, List<Edge.Pending> inherited) {
    String error = names().fresh("caughtError");
    String cause = names().fresh("caughtCause");
    Set<String> remaining = new java.util.TreeSet<>(WorkflowCodeErrors.thrown(value.text()));
    ObjectNode catcher = parallel.putArray("Catch").addObject();
    catcher.putArray("ErrorEquals").add("States.ALL");
    List<Edge.Pending> pending = new ArrayList<>(inherited);
    pending.add(new Edge.Pending(error, Jsonata.atom(WorkflowCodeErrors.errorOf(remaining))));
    pending.add(new Edge.Pending(cause, Jsonata.atom(WorkflowCodeErrors.causeOf(remaining))));
    Edge caught = new Edge(Edge.Kind.CATCH, catcher, pending);
    Jsonata errorValue = new Jsonata("$" + error, Set.of(error), Jsonata.ATOM);
    Jsonata causeValue = new Jsonata("$" + cause, Set.of(cause), Jsonata.ATOM);
    // Which clause catches which classes, innermost try first, up to the first finally.
    ArrayNode rules = nodes.arrayNode();
    TryFrame finallyFrame = null;
    for (TryFrame frame : tries) {
      for (int i = 0; i < frame.statement.catches().size() && !remaining.isEmpty(); i++) {
        Stmt.Catch c = frame.statement.catches().get(i);
        List<String> classes =
            remaining.stream().filter(x -> WorkflowCodeErrors.catches(c.errors(), x)).toList();
        if (classes.isEmpty()) {
          continue;
        }
        remaining.removeAll(classes);
        ObjectNode rule = rules.addObject();
        rule.put("Condition", "{% $" + error + " in " + WorkflowCodeErrors.list(classes) + " %}");
        Edge edge = new Edge(Edge.Kind.RULE, rule, List.of());
        c.error()
            .ifPresent(
                v -> edge.pending.add(new Edge.Pending(names().variable(v.name()), errorValue)));
        c.message()
            .ifPresent(
                v -> edge.pending.add(new Edge.Pending(names().variable(v.name()), causeValue)));
        frame.handlers.get(i).add(edge);
      }
      if (!frame.statement.finallyBlock().isEmpty()) {
        finallyFrame = frame;
        break;
      }
    }
    Edge rest = caught;
    if (!rules.isEmpty()) {
      ObjectNode dispatch = newState("Caught" + names().pascal(variable), "Choice");
      dispatch.set("Choices", rules);
      link(caught, dispatch, new HashSet<>(PendingCode.assigned(pending)));
      rest = new Edge(Edge.Kind.OTHERWISE, dispatch, List.of());
    }
    if (finallyFrame != null) {
      rest.pending.add(new Edge.Pending(finallyFrame.pendingError, errorValue));
      rest.pending.add(new Edge.Pending(finallyFrame.pendingCause, causeValue));
      finallyFrame.uncaught.add(rest);
    } else {
      List<Edge> saved = cursor;
      cursor = List.of(rest);
      fail(errorValue, causeValue, "Rethrow");
      cursor = saved;
    }
  }

  /**
   * Emits the {@code finally} blocks of the tries entered since depth {@code downTo}, inner first.
   */
  private void runFinallies(int downTo) {
    List<TryFrame> crossed = new ArrayList<>(tries).subList(0, tries.size() - downTo);
    Deque<TryFrame> saved = new ArrayDeque<>(tries);
    try {
      for (TryFrame frame : crossed) {
        tries.pop();
        block(frame.statement.finallyBlock());
      }
    } finally {
      tries.clear();
      tries.addAll(saved);
    }
  }

  /**
   * {@code value} computed now, before the {@code finally} blocks down to {@code downTo} run: Java
   * evaluates a {@code return} or {@code throw} first, so the {@code finally} cannot change what it
   * returns or throws, nor lose a local it reads. Held in a variable of the emitter's own when some
   * block would run and the value reads variables.
   */
  private Jsonata beforeFinallies(int downTo, Jsonata value, String base) {
    boolean crossesFinally =
        new ArrayList<>(tries)
            .subList(0, tries.size() - downTo).stream()
                .anyMatch(f -> !f.statement.finallyBlock().isEmpty());
    if (!crossesFinally || value.reads().isEmpty()) {
      return value;
    }
    String held = names().fresh(base);
    assign(held, value);
    return new Jsonata("$" + held, Set.of(held), Jsonata.ATOM);
  }

  /**
   * Raises again the error a {@code finally} held. Outside any other try it ends the execution;
   * inside one, the enclosing handlers must see it with its own name: a Parallel state whose one
   * branch fails with the error fails with it, and takes the enclosing tries' {@code Catch}.
   */
  private void rethrow(Jsonata error, Jsonata cause) {
    if (tries.isEmpty() || cursor.isEmpty()) {
      fail(error, cause, "Rethrow");
      return;
    }
    ObjectNode parallel = newState("Rethrow", "Parallel");
    Set<String> live = new HashSet<>(error.reads());
    live.addAll(cause.reads());
    for (Edge e : cursor) {
      // What the finally block assigned may be read by the handler.
      live.addAll(PendingCode.assigned(e.pending));
      link(e, parallel, live);
    }
    ObjectNode arguments = parallel.putObject("Arguments");
    arguments.put("error", expression(error));
    arguments.put("cause", expression(cause));
    ObjectNode raise = nodes.objectNode();
    raise.put("Type", "Fail");
    raise.put("Error", "{% $states.input.error %}");
    raise.put("Cause", "{% $states.input.cause %}");
    String raiseName = names().state("RaiseAgain");
    ObjectNode branch = parallel.putArray("Branches").addObject();
    branch.put("StartAt", raiseName);
    branch.putObject("States").set(raiseName, raise);
    parallel.put("End", true);
    catches(parallel, Source.NESTED, List.of());
    cursor = List.of();
  }

  private void fail(Stmt.Fail f) {
    Jsonata error = guard(render(f.error()), f, "thrownError");
    Jsonata cause = guard(render(f.cause()), f, "thrownCause");
    // A throw inside try jumps straight to the first handler that catches WorkflowFailure.
    int depth = 0;
    for (TryFrame frame : tries) {
      for (int i = 0; i < frame.statement.catches().size(); i++) {
        Stmt.Catch c = frame.statement.catches().get(i);
        if (c.errors().stream()
            .anyMatch(e -> e instanceof ErrorName.WorkflowFailure || e instanceof ErrorName.Any)) {
          Jsonata heldError = beforeFinallies(tries.size() - depth, error, "thrownError");
          Jsonata heldCause = beforeFinallies(tries.size() - depth, cause, "thrownCause");
          runFinallies(tries.size() - depth);
          for (Edge e : cursor) {
            c.error()
                .ifPresent(
                    v -> e.pending.add(new Edge.Pending(names().variable(v.name()), heldError)));
            c.message()
                .ifPresent(
                    v -> e.pending.add(new Edge.Pending(names().variable(v.name()), heldCause)));
          }
          frame.handlers.get(i).addAll(cursor);
          cursor = List.of();
          return;
        }
      }
      depth++;
    }
    error = beforeFinallies(0, error, "thrownError");
    cause = beforeFinallies(0, cause, "thrownCause");
    runFinallies(0);
    String name =
        f.error() instanceof Expr.Literal l && l.value() instanceof String s
            ? names().pascal(s)
            : "";
    fail(error, cause, name);
  }

  private void fail(Jsonata error, Jsonata cause, String name) {
    if (cursor.isEmpty()) {
      return;
    }
    ObjectNode fail = newState("Fail" + name, "Fail");
    boolean inline = cursor.size() == 1 && portable(cursor.get(0));
    List<Edge.Pending> pending = inline ? cursor.get(0).pending : List.of();
    Set<String> live = new HashSet<>(error.reads());
    live.addAll(cause.reads());
    for (Edge e : cursor) {
      link(e, fail, inline ? Set.of() : live);
    }
    fail.set("Error", value(PendingCode.inlineThrowing(pending, error)));
    fail.set("Cause", value(PendingCode.inline(pending, cause)));
    cursor = List.of();
  }

  /**
   * Adds a {@code Catch} to {@code state} for every enclosing handler that can catch what it
   * raises, innermost first, and for every enclosing {@code finally}.
   */
  private void catches(
      ObjectNode state, Source source, List<Edge.Pending> inherited, Block... bodies) {
    ArrayNode catchers = nodes.arrayNode();
    boolean all = false;
    for (TryFrame frame : tries) {
      if (all) {
        break;
      }
      for (int i = 0; i < frame.statement.catches().size() && !all; i++) {
        Stmt.Catch c = frame.statement.catches().get(i);
        List<String> errors = catchNames(c.errors(), source, bodies);
        if (errors.isEmpty()) {
          continue;
        }
        all = errors.contains("States.ALL");
        ObjectNode catcher = catchers.addObject();
        errors.forEach(catcher.putArray("ErrorEquals")::add);
        // A failed state's Assign does not run: the catch carries the entry's code itself.
        List<Edge.Pending> pending = new ArrayList<>(inherited);
        String error = source == Source.CHILD ? CHILD_ERROR : "$states.errorOutput.Error";
        String message = source == Source.CHILD ? CHILD_MESSAGE : MESSAGE;
        c.error()
            .ifPresent(
                v ->
                    pending.add(new Edge.Pending(names().variable(v.name()), Jsonata.atom(error))));
        c.message()
            .ifPresent(
                v ->
                    pending.add(
                        new Edge.Pending(names().variable(v.name()), Jsonata.atom(message))));
        frame.handlers.get(i).add(new Edge(Edge.Kind.CATCH, catcher, pending));
      }
      if (!all && !frame.statement.finallyBlock().isEmpty()) {
        ObjectNode catcher = catchers.addObject();
        catcher.putArray("ErrorEquals").add("States.ALL");
        List<Edge.Pending> pending = new ArrayList<>(inherited);
        pending.add(
            new Edge.Pending(frame.pendingError, Jsonata.atom("$states.errorOutput.Error")));
        pending.add(
            new Edge.Pending(frame.pendingCause, Jsonata.atom("$states.errorOutput.Cause")));
        frame.uncaught.add(new Edge(Edge.Kind.CATCH, catcher, pending));
        all = true;
      }
    }
    if (!catchers.isEmpty()) {
      state.set("Catch", catchers);
    }
  }

  /** An activity's message: Lambda reports errors as JSON in the Cause. */
  private static final String MESSAGE =
      "($__c := $states.errorOutput.Cause; $__c = null ? null : $substring($__c, 0, 1) = '{' ? $parse($__c).errorMessage : $__c)";

  /**
   * A child execution's own error and cause: {@code startExecution.sync} fails with {@code
   * States.TaskFailed} and describes the child's execution, as JSON, in the Cause.
   */
  private static final String CHILD_ERROR =
      "($__c := $states.errorOutput.Cause; $__d := $substring($__c, 0, 1) = '{' ? $parse($__c) : {};"
          + " $exists($__d.Error) ? $__d.Error : $states.errorOutput.Error)";

  private static final String CHILD_MESSAGE =
      "($__c := $states.errorOutput.Cause; $__d := $substring($__c, 0, 1) = '{' ? $parse($__c) : {};"
          + " $exists($__d.Cause) ? $__d.Cause : $__c)";

  /** The error names a catch clause matches on a state of this kind. */
  private static List<String> catchNames(List<ErrorName> errors, Source source, Block... bodies) {
    List<String> out = new ArrayList<>();
    for (ErrorName e : errors) {
      if (e instanceof ErrorName.Any) {
        return List.of("States.ALL");
      }
      if (e instanceof ErrorName.ExceptionClass c && source != Source.CHILD) {
        c.qualifiedNames().stream().filter(n -> !out.contains(n)).forEach(out::add);
      } else if (e instanceof ErrorName.ActivityTimeout
          && (source == Source.ACTIVITY || source == Source.NESTED)) {
        out.add("States.Timeout");
      } else if (e instanceof ErrorName.CallbackTimeout
          && (source == Source.CALLBACK || source == Source.NESTED)) {
        out.add("States.Timeout");
      } else if (e instanceof ErrorName.WorkflowFailure) {
        if (source == Source.CHILD) {
          out.add("States.TaskFailed");
        } else if (source == Source.NESTED) {
          for (String name : failNames(bodies)) {
            if (name == null) {
              return List.of("States.ALL");
            }
            out.add(name);
          }
        } else {
          out.add("dev.statecraft.api.WorkflowFailure");
        }
      }
    }
    return out.stream().distinct().toList();
  }

  /** The error names of the throws in map or parallel bodies; null for one computed at run time. */
  private static List<String> failNames(Block... bodies) {
    List<String> names = new ArrayList<>();
    for (Block b : bodies) {
      dev.statecraft.compiler.ir.IrWalk.statements(
          b,
          s -> {
            if (s instanceof Stmt.Fail f) {
              names.add(
                  f.error() instanceof Expr.Literal l && l.value() instanceof String n ? n : null);
            }
          });
    }
    return names;
  }

  // ---- ends -----------------------------------------------------------------------------------

  /** Ends every open path with {@code output}. */
  private void end(Jsonata output) {
    List<Edge> needState = new ArrayList<>();
    for (Edge e : cursor) {
      if (e.kind == Edge.Kind.MARK) {
        continue;
      }
      if (e.canEnd()) {
        e.owner.put("Output", expression(PendingCode.inlineThrowing(e.pending, output)));
        e.owner.put("End", true);
      } else {
        needState.add(e);
      }
    }
    if (!needState.isEmpty()) {
      ObjectNode succeed = newState("Return", "Succeed");
      if (needState.size() == 1 && portable(needState.get(0))) {
        Edge only = needState.get(0);
        // All of the edge's code moves into the Output: the edge itself assigns nothing, or code
        // that can throw would run twice (once in the edge's Assign, then again in the Output).
        link(new Edge(only.kind, only.owner, List.of()), succeed, Set.of());
        succeed.put("Output", expression(PendingCode.inlineThrowing(only.pending, output)));
      } else {
        needState.forEach(e -> link(e, succeed, output.reads()));
        succeed.put("Output", expression(output));
      }
    }
    cursor = List.of();
  }

  // ---- states and edges -----------------------------------------------------------------------

  /**
   * Whether the edge's pending code may be evaluated in the next state instead: not for a Catch,
   * whose code reads {@code $states.errorOutput} and the failed state's input, which only the
   * Catch's own {@code Assign} can see.
   */
  private static boolean portable(Edge e) {
    return e.kind != Edge.Kind.CATCH;
  }

  private ObjectNode newState(String base, String type) {
    String name = names().state(base);
    ObjectNode state = nodes.objectNode();
    state.put("Type", type);
    state.put("__name", name);
    states.put(name, state);
    return state;
  }

  /**
   * Connects the open edges to {@code state}, which {@code statement} emits. Returns the pending
   * code of the graph's entry, which the state inlines since nothing ran before it.
   */
  private List<Edge.Pending> enter(ObjectNode state, Stmt statement) {
    if (cursor.size() == 1 && cursor.get(0).kind == Edge.Kind.ENTRY) {
      if (!assignsAfterItsEffect(state) || !mayFail(cursor.get(0).pending)) {
        startAt = name(state);
        return cursor.get(0).pending;
      }
      // What the state's Arguments do not read would go into its Assign, after the activity (or
      // wait, map, branches) ran: code that can throw must fail first, as in Java.
      ObjectNode pass = newState("Start", "Pass");
      startAt = name(pass);
      cursor = List.of(new Edge(Edge.Kind.STATE, pass, cursor.get(0).pending));
    }
    Set<String> live = aslNames(shared.liveness().liveIn(statement));
    for (Edge e : cursor) {
      link(e, state, live);
    }
    return List.of();
  }

  /** Whether the state's {@code Assign} runs after what the state does. */
  private static boolean assignsAfterItsEffect(ObjectNode state) {
    String type = state.get("Type").asText();
    return !type.equals("Pass") && !type.equals("Choice");
  }

  /** Whether any of the code can throw. */
  private static boolean mayFail(List<Edge.Pending> pending) {
    return pending.stream().anyMatch(PendingCode::mayFail);
  }

  /**
   * Where the entry's pending code cannot be inlined (the next state is entered more than once, or
   * a nested body reads it), a Pass state assigns it: the only Pass the emitter creates.
   */
  private void flushEntryIfShared(Stmt statement) {
    if (cursor.size() == 1
        && cursor.get(0).kind == Edge.Kind.ENTRY
        && !cursor.get(0).pending.isEmpty()) {
      ObjectNode pass = newState("Start", "Pass");
      startAt = name(pass);
      Edge edge = new Edge(Edge.Kind.STATE, pass, cursor.get(0).pending);
      cursor = List.of(edge);
    }
  }

  private static String name(ObjectNode state) {
    return state.get("__name").asText();
  }

  private Set<String> aslNames(Set<String> locals) {
    Set<String> out = new HashSet<>();
    locals.forEach(l -> out.add(names().variable(l)));
    return out;
  }

  /** Connects {@code edge} to {@code target}, storing the pending variables in {@code live}. */
  private void link(Edge edge, ObjectNode target, Set<String> live) {
    String next = name(target);
    if (edge.kind == Edge.Kind.ENTRY) {
      startAt = next;
      return;
    }
    if (edge.kind == Edge.Kind.MARK) {
      if (edge.marked == null) {
        edge.marked = next;
        edge.markedLive = live;
      }
      return;
    }
    ObjectNode assign = assignments(edge.pending, live);
    ObjectNode carrier = edge.owner;
    if (edge.kind == Edge.Kind.OTHERWISE) {
      if (assign.isEmpty()) {
        edge.owner.put("Default", next);
        return;
      }
      carrier = ((ArrayNode) edge.owner.get("Choices")).addObject();
      carrier.put("Condition", "{% true %}");
    }
    if (!assign.isEmpty()) {
      carrier.set("Assign", assign);
    }
    carrier.put("Next", next);
  }

  private ObjectNode assignments(List<Edge.Pending> pending, Set<String> live) {
    ObjectNode assign = nodes.objectNode();
    boolean throwingLeft = mayFail(pending);
    for (String variable : PendingCode.assigned(pending)) {
      boolean throwing =
          throwingLeft
              && pending.stream()
                  .anyMatch(p -> p.variable().equals(variable) && PendingCode.mayFail(p));
      if (live.contains(variable) || names().pinned(variable) || throwing) {
        Jsonata value = new Jsonata("$" + variable, Set.of(variable), Jsonata.ATOM);
        // The first field also runs the code that can throw, read or not, as Java runs it.
        assign.set(
            variable,
            value(
                throwingLeft
                    ? PendingCode.inlineThrowing(pending, value)
                    : PendingCode.inline(pending, value)));
        throwingLeft = false;
      }
    }
    return assign;
  }

  /** A field value: a JSON literal where possible, else a {@code {% %}} expression. */
  static JsonNode value(Jsonata j) {
    return j.isLiteral() ? j.constant() : TextNode.valueOf(expression(j));
  }

  static String expression(Jsonata j) {
    return "{% " + j.text() + " %}";
  }
}
