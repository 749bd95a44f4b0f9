package dev.statecraft.compiler.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.ErrorName;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.JavaPrinter;
import dev.statecraft.compiler.ir.Liveness;
import dev.statecraft.compiler.ir.RetryPolicy;
import dev.statecraft.compiler.ir.Stmt;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Emits a workflow as an Amazon States Language definition in JSONata mode.
 *
 * <p>Every state transition is billed, so code between durable effects never gets a state of its
 * own: it travels on the {@link Edge}s between states and lands in their {@code Assign} (see {@link
 * PendingCode}). Activity calls become Lambda {@code Task}s, {@code if} a {@code Choice}, {@code
 * return} the {@code Output} of the last Task (or a {@code Succeed}), and {@code throw new
 * WorkflowFailure} a {@code Fail}.
 */
public final class AslEmitter {
  static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
  private static final List<String> STATE_FIELD_ORDER =
      List.of(
          "Type",
          "Comment",
          "Resource",
          "Arguments",
          "TimeoutSeconds",
          "HeartbeatSeconds",
          "Choices",
          "Default",
          "Seconds",
          "Items",
          "ItemProcessor",
          "Branches",
          "MaxConcurrency",
          "Retry",
          "Catch",
          "Assign",
          "Output",
          "Error",
          "Cause",
          "Next",
          "End");
  private static final List<String> LAMBDA_SERVICE_ERRORS =
      List.of(
          "Lambda.ClientExecutionTimeoutException",
          "Lambda.ServiceException",
          "Lambda.AWSLambdaException",
          "Lambda.SdkClientException");

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final WorkflowIr workflow;
  private final AslNames names;
  private final JsonataRenderer renderer;
  private final Liveness liveness;
  private final Map<String, ObjectNode> states = new LinkedHashMap<>();
  private String startAt;
  private List<Edge> cursor = new ArrayList<>();

  private AslEmitter(WorkflowIr workflow) {
    this.workflow = workflow;
    this.names = new AslNames(workflow);
    this.renderer = new JsonataRenderer(names::variable);
    this.liveness = Liveness.of(workflow.body());
  }

  /** The definition as pretty-printed JSON, deterministic byte for byte. */
  public static String emit(WorkflowIr workflow) {
    return new AslEmitter(workflow).definition();
  }

  /**
   * The key of the definition substitution that stands for the activity's Lambda function ARN, as
   * in {@code "FunctionName": "${TriageActivities_classify}"}.
   */
  public static String functionPlaceholder(ActivityMethod activity) {
    return "${" + activity.functionKey() + "}";
  }

  private String definition() {
    List<Edge.Pending> entry = new ArrayList<>();
    workflow
        .input()
        .ifPresent(
            p ->
                entry.add(
                    new Edge.Pending(names.variable(p.name()), Jsonata.atom("$states.input"))));
    cursor = List.of(new Edge(Edge.Kind.ENTRY, null, entry));
    block(workflow.body());
    if (!cursor.isEmpty()) {
      end(Jsonata.atom("null"));
    }
    ObjectNode root = nodes.objectNode();
    root.put(
        "Comment",
        "Workflow '"
            + workflow.name()
            + "', compiled by Statecraft from "
            + workflow.className()
            + "."
            + workflow.methodName()
            + "()");
    root.put("QueryLanguage", "JSONata");
    root.put("StartAt", startAt);
    ObjectNode out = root.putObject("States");
    states.forEach((name, state) -> out.set(name, ordered(state)));
    return write(root);
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
      assign(names.variable(a.target().name()), renderer.render(a.value()));
    } else if (s instanceof Stmt.Declare) {
      // Java's definite assignment guarantees a value is assigned before any read.
    } else if (s instanceof Stmt.Invoke i) {
      invoke(i);
    } else if (s instanceof Stmt.If i) {
      choice(i);
    } else if (s instanceof Stmt.Return r) {
      end(r.value().map(renderer::render).orElse(Jsonata.atom("null")));
    } else if (s instanceof Stmt.Fail f) {
      fail(f);
    } else {
      throw new IllegalStateException(
          "the AWS back end does not handle " + s.getClass().getSimpleName() + " yet");
    }
  }

  private void assign(String variable, Jsonata value) {
    for (Edge e : cursor) {
      e.pending.add(new Edge.Pending(variable, value));
    }
  }

  private void invoke(Stmt.Invoke call) {
    ActivityMethod activity = call.activity();
    ObjectNode task = newState(names.state(names.pascal(activity.name())), "Task");
    task.put("Resource", LAMBDA_INVOKE);
    List<Edge.Pending> inherited = enter(task, call);
    ObjectNode arguments = task.putObject("Arguments");
    arguments.put("FunctionName", functionPlaceholder(activity));
    ObjectNode payload = arguments.putObject("Payload");
    for (int i = 0; i < activity.parameters().size(); i++) {
      Jsonata value = PendingCode.inline(inherited, renderer.render(call.arguments().get(i)));
      payload.set(activity.parameters().get(i).name(), value(value));
    }
    task.put(
        "TimeoutSeconds", Math.max(1, (long) Math.ceil(activity.timeout().toMillis() / 1000.0)));
    task.set("Retry", retry(activity.retry()));
    Edge exit = new Edge(Edge.Kind.STATE, task, inherited);
    call.target()
        .ifPresent(
            t ->
                exit.pending.add(
                    new Edge.Pending(
                        names.variable(t.name()), Jsonata.atom("$states.result.Payload"))));
    cursor = List.of(exit);
  }

  private ArrayNode retry(RetryPolicy policy) {
    ArrayNode retry = nodes.arrayNode();
    ObjectNode service = retry.addObject();
    LAMBDA_SERVICE_ERRORS.forEach(service.putArray("ErrorEquals")::add);
    service.put("IntervalSeconds", 1);
    service.put("MaxAttempts", 3);
    service.put("BackoffRate", 2);
    service.put("JitterStrategy", "FULL");
    if (policy.retries()) {
      ObjectNode user = retry.addObject();
      ArrayNode errors = user.putArray("ErrorEquals");
      errorNames(policy.retryOn()).forEach(errors::add);
      user.put(
          "IntervalSeconds",
          Math.max(1, (long) Math.ceil(policy.initialInterval().toMillis() / 1000.0)));
      user.put("MaxAttempts", policy.maxAttempts() - 1);
      user.put("BackoffRate", policy.backoffRate());
      policy
          .maxInterval()
          .ifPresent(
              m ->
                  user.put(
                      "MaxDelaySeconds", Math.max(1, (long) Math.ceil(m.toMillis() / 1000.0))));
    }
    return retry;
  }

  /** The ASL error names standing for {@code errors}; empty means every error. */
  static List<String> errorNames(List<ErrorName> errors) {
    if (errors.isEmpty() || errors.stream().anyMatch(e -> e instanceof ErrorName.Any)) {
      return List.of("States.ALL");
    }
    List<String> out = new ArrayList<>();
    for (ErrorName e : errors) {
      if (e instanceof ErrorName.ExceptionClass c) {
        c.qualifiedNames().stream().filter(n -> !out.contains(n)).forEach(out::add);
      } else if (e instanceof ErrorName.ActivityTimeout) {
        out.add("States.Timeout");
      } else if (e instanceof ErrorName.CallbackTimeout) {
        out.add("States.Timeout");
      } else if (e instanceof ErrorName.WorkflowFailure) {
        out.add("States.TaskFailed");
      }
    }
    return out;
  }

  private void choice(Stmt.If branch) {
    ObjectNode choice = newState(names.state(names.choiceName(branch.condition())), "Choice");
    choice.put("Comment", "if (" + JavaPrinter.forComments().print(branch.condition()) + ")");
    List<Edge.Pending> inherited = enter(choice, branch);
    ObjectNode rule = choice.putArray("Choices").addObject();
    rule.put(
        "Condition",
        expression(PendingCode.inline(inherited, renderer.render(branch.condition()))));
    cursor = List.of(new Edge(Edge.Kind.RULE, rule, inherited));
    block(branch.then());
    List<Edge> afterThen = cursor;
    cursor = List.of(new Edge(Edge.Kind.OTHERWISE, choice, inherited));
    block(branch.otherwise());
    List<Edge> joined = new ArrayList<>(afterThen);
    joined.addAll(cursor);
    cursor = joined;
  }

  /** Ends every open path with {@code output} as the execution's output. */
  private void end(Jsonata output) {
    List<Edge> needState = new ArrayList<>();
    for (Edge e : cursor) {
      if (e.canEnd()) {
        e.owner.set("Output", value(PendingCode.inline(e.pending, output)));
        e.owner.put("End", true);
      } else {
        needState.add(e);
      }
    }
    if (!needState.isEmpty()) {
      ObjectNode succeed = newState(names.state("Return"), "Succeed");
      if (needState.size() == 1) {
        Edge only = needState.get(0);
        link(only, succeed, Set.of());
        succeed.set("Output", value(PendingCode.inline(only.pending, output)));
      } else {
        needState.forEach(e -> link(e, succeed, output.reads()));
        succeed.set("Output", value(output));
      }
    }
    cursor = List.of();
  }

  private void fail(Stmt.Fail f) {
    String errorName =
        f.error() instanceof Expr.Literal l && l.value() instanceof String s ? names.pascal(s) : "";
    ObjectNode fail = newState(names.state("Fail" + errorName), "Fail");
    List<Edge.Pending> pending = cursor.size() == 1 ? cursor.get(0).pending : List.of();
    Jsonata error = renderer.render(f.error());
    Jsonata cause = renderer.render(f.cause());
    Set<String> live = new HashSet<>(error.reads());
    live.addAll(cause.reads());
    for (Edge e : cursor) {
      link(e, fail, cursor.size() > 1 ? live : Set.of());
    }
    fail.set("Error", value(PendingCode.inline(pending, error)));
    fail.set("Cause", value(PendingCode.inline(pending, cause)));
    cursor = List.of();
  }

  private ObjectNode newState(String name, String type) {
    ObjectNode state = nodes.objectNode();
    state.put("Type", type);
    state.put("__name", name);
    states.put(name, state);
    return state;
  }

  /**
   * Connects every open edge to {@code state}; returns the pending code of the workflow's entry,
   * which the state must inline since nothing runs before it.
   */
  private List<Edge.Pending> enter(ObjectNode state, Stmt statement) {
    if (cursor.size() == 1 && cursor.get(0).kind == Edge.Kind.ENTRY) {
      startAt = state.get("__name").asText();
      return cursor.get(0).pending;
    }
    Set<String> live = aslNames(liveness.liveIn(statement));
    for (Edge e : cursor) {
      link(e, state, live);
    }
    return List.of();
  }

  private Set<String> aslNames(Set<String> locals) {
    Set<String> out = new HashSet<>();
    locals.forEach(l -> out.add(names.variable(l)));
    return out;
  }

  /** Connects {@code edge} to {@code target}, storing the pending variables in {@code live}. */
  private void link(Edge edge, ObjectNode target, Set<String> live) {
    String next = target.get("__name").asText();
    if (edge.kind == Edge.Kind.ENTRY) {
      startAt = next;
      return;
    }
    ObjectNode assign = assignments(edge.pending, live);
    ObjectNode carrier = edge.owner;
    if (edge.kind == Edge.Kind.OTHERWISE) {
      if (assign == null || assign.isEmpty()) {
        edge.owner.put("Default", next);
        return;
      }
      carrier = ((ArrayNode) edge.owner.get("Choices")).addObject();
      carrier.put("Condition", "{% true %}");
    }
    if (assign != null && !assign.isEmpty()) {
      carrier.set("Assign", assign);
    }
    carrier.put("Next", next);
  }

  private ObjectNode assignments(List<Edge.Pending> pending, Set<String> live) {
    ObjectNode assign = nodes.objectNode();
    for (String variable : PendingCode.assigned(pending)) {
      if (!live.contains(variable)) {
        continue;
      }
      assign.set(
          variable,
          value(
              PendingCode.inline(
                  pending, new Jsonata("$" + variable, java.util.Set.of(variable), Jsonata.ATOM))));
    }
    return assign;
  }

  /** A field value: a JSON literal where possible, else a {@code {% %}} expression. */
  private static JsonNode value(Jsonata j) {
    return j.isLiteral() ? j.constant() : TextNode.valueOf(expression(j));
  }

  private static String expression(Jsonata j) {
    return "{% " + j.text() + " %}";
  }

  private ObjectNode ordered(ObjectNode state) {
    ObjectNode out = nodes.objectNode();
    for (String key : STATE_FIELD_ORDER) {
      if (state.has(key)) {
        out.set(key, state.get(key));
      }
    }
    Optional<String> unknown =
        iterable(state.fieldNames()).stream()
            .filter(k -> !k.equals("__name") && !out.has(k))
            .findFirst();
    if (unknown.isPresent()) {
      throw new IllegalStateException("unordered ASL field " + unknown.get());
    }
    return out;
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  /** Jackson's pretty printer with 2-space indents, "key": value spacing and a final newline. */
  static String write(JsonNode root) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(
                com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(
                        com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
