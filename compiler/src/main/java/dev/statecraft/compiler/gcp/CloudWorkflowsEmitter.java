package dev.statecraft.compiler.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Builtin;
import dev.statecraft.compiler.ir.ErrorName;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrWalk;
import dev.statecraft.compiler.ir.Nullness;
import dev.statecraft.compiler.ir.RetryPolicy;
import dev.statecraft.compiler.ir.Stmt;
import dev.statecraft.compiler.ir.UniqueNames;
import dev.statecraft.compiler.ir.WorkflowIr;
import dev.statecraft.compiler.passes.LowerForEach;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Emits a workflow as a Google Cloud Workflows definition (YAML). Activity calls are {@code
 * http.post} calls to Cloud Run functions with OIDC authentication, whose URLs come from the
 * workflow's environment variables ({@code TRIAGE_ACTIVITIES_CLASSIFY_URL}); consecutive
 * assignments share one {@code assign} step; {@code if} is a {@code switch}.
 */
public final class CloudWorkflowsEmitter {
  /** Standard-library module names a variable must not shadow. */
  private static final Set<String> RESERVED =
      Set.of(
          "args", "base64", "events", "hash", "http", "json", "list", "map", "math", "retry", "sys",
          "text", "time", "uuid", "default", "keys", "len", "type", "int", "double", "string",
          "bool", "if", "true", "false", "null", "and", "or", "not", "in");

  private static final int MAX_ASSIGNMENTS = 50;

  /** Google's limit on the length of one expression, in characters. */
  public static final int MAX_EXPRESSION = 400;

  private static final long MAX_HTTP_TIMEOUT = 1800;

  private final WorkflowIr workflow;
  private final Diagnostics diagnostics;
  private final Map<String, String> variables = new HashMap<>();
  private final Map<String, String> responses = new HashMap<>();
  private final UniqueNames variableNames = new UniqueNames().reserve(RESERVED);
  private final UniqueNames steps = new UniqueNames();
  private final CloudWorkflowsExpressions expressions;
  private final Map<String, Object> subworkflows = new LinkedHashMap<>();
  private final CloudWorkflowsControl control = new CloudWorkflowsControl(this);
  private final CloudWorkflowsHelpers helpers =
      new CloudWorkflowsHelpers(
          subworkflows,
          base -> variableNames.next(base),
          base -> steps.next(base, n -> base + "_" + n));

  private CloudWorkflowsEmitter(WorkflowIr workflow, Diagnostics diagnostics) {
    this.workflow = workflow;
    this.diagnostics = diagnostics;
    List<String> locals = new ArrayList<>();
    workflow.input().ifPresent(p -> locals.add(p.name()));
    locals.addAll(IrWalk.localNames(workflow.body()));
    for (String local : new LinkedHashSet<>(locals)) {
      variables.put(local, variableNames.next(local, n -> local + "_" + n));
    }
    this.expressions =
        new CloudWorkflowsExpressions(
            variables::get, Nullness.of(workflow.body()), diagnostics, helpers);
  }

  /**
   * The definition as YAML, deterministic byte for byte, for a workflow whose activity calls are
   * hoisted and whose for-each loops are lowered ({@link LowerForEach}). Limits are reported to
   * diagnostics.
   */
  public static String emit(WorkflowIr workflow, Diagnostics diagnostics) {
    return new CloudWorkflowsEmitter(workflow, diagnostics).definition();
  }

  /** The environment variable holding the URL of an activity's Cloud Run function. */
  public static String urlVariable(ActivityMethod activity) {
    return activity.functionKey().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)
        + "_URL";
  }

  private String definition() {
    Map<String, Object> main = new LinkedHashMap<>();
    workflow.input().ifPresent(p -> main.put("params", List.of(variables.get(p.name()))));
    List<Object> body = new ArrayList<>();
    workflow
        .input()
        .filter(p -> CloudWorkflowsHelpers.containsRecord(p.type()))
        .ifPresent(p -> body.add(helpers.presentFields(p.type(), variables.get(p.name()))));
    body.addAll(block(workflow.body()));
    if (!endsWithExit(workflow.body())) {
      body.add(step("done", single("return", null)));
    }
    main.put("steps", body);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("main", main);
    root.putAll(subworkflows);
    return write(root);
  }

  private static boolean endsWithExit(Block b) {
    if (b.isEmpty()) {
      return false;
    }
    Stmt last = b.statements().get(b.statements().size() - 1);
    return last instanceof Stmt.Return
        || last instanceof Stmt.Fail
        || last instanceof Stmt.If i && endsWithExit(i.then()) && endsWithExit(i.otherwise());
  }

  List<Object> block(Block block) {
    List<Object> out = new ArrayList<>();
    List<Map<String, Object>> assignments = new ArrayList<>();
    for (Stmt s : block.statements()) {
      if (s instanceof Stmt.Assign a && appendsList(a)) {
        Expr element = ((Expr.Call) a.value()).arguments().get(1);
        Object value = expression(element, a);
        List<Object> prelude = helpers.takePrelude();
        if (!prelude.isEmpty()) {
          flushAssignments(assignments, out);
          out.addAll(prelude);
        }
        String target = variables.get(a.target().name());
        if (reads(element, a.target().name())) {
          String saved = variableNames.next("element");
          assignments.add(single(saved, value));
          value = "${" + saved + "}";
        }
        // xs.add(inner) on a list of lists: a null appended, then replaced by the inner list.
        assignments.add(single(target, "${list.concat(" + target + ", null)}"));
        assignments.add(single(target + "[len(" + target + ") - 1]", value));
        continue;
      }
      if (s instanceof Stmt.Assign a) {
        Object value = expression(a.value(), a);
        List<Object> prelude = helpers.takePrelude();
        if (!prelude.isEmpty()) {
          flushAssignments(assignments, out);
          out.addAll(prelude);
        }
        assignments.add(single(variables.get(a.target().name()), value));
        continue;
      }
      if (s instanceof Stmt.Declare) {
        continue;
      }
      flushAssignments(assignments, out);
      if (s instanceof Stmt.Invoke i) {
        invoke(i, out, assignments);
      } else if (s instanceof Stmt.If i) {
        choice(i, out);
      } else if (s instanceof Stmt.Return r) {
        Object value = r.value().map(v -> expression(v, r)).orElse(null);
        if (!finallyBlocks.isEmpty()) {
          String saved = variableNames.next("return_value");
          add(out, step("assign", single("assign", List.of(single(saved, value)))));
          finallies(0, out);
          value = "${" + saved + "}";
        }
        add(out, step("return", single("return", value)));
      } else if (s instanceof Stmt.Fail f) {
        Map<String, Object> raise = new LinkedHashMap<>();
        raise.put("error", expression(f.error(), f));
        raise.put("cause", expression(f.cause(), f));
        int downTo = unguarded();
        boolean runsFinally =
            finallyBlocks.stream()
                .limit(finallyBlocks.size() - downTo)
                .anyMatch(b -> !b.block().statements().isEmpty());
        if (runsFinally) {
          // Java computes the exception before the finally blocks run, which may change what it
          // reads.
          String error = variableNames.next("raised_error");
          String cause = variableNames.next("raised_cause");
          add(
              out,
              step(
                  "assign",
                  single(
                      "assign",
                      List.of(
                          single(error, raise.get("error")), single(cause, raise.get("cause"))))));
          raise.put("error", "${" + error + "}");
          raise.put("cause", "${" + cause + "}");
        }
        finallies(downTo, out);
        add(out, step("fail", single("raise", raise)));
      } else {
        control.statement(s, out);
      }
    }
    flushAssignments(assignments, out);
    return out;
  }

  /** {@code xs = xs.add(inner)} where the elements of {@code xs} are lists. */
  private static boolean appendsList(Stmt.Assign a) {
    return a.value() instanceof Expr.Call c
        && c.builtin() == Builtin.LIST_WITH_ADDED
        && c.arguments().get(0) instanceof Expr.Local l
        && l.name().equals(a.target().name())
        && CloudWorkflowsExpressions.holdsLists(l.type());
  }

  private static boolean reads(Expr e, String local) {
    boolean[] found = {false};
    IrWalk.expressions(e, x -> found[0] |= x instanceof Expr.Local l && l.name().equals(local));
    return found[0];
  }

  private void flushAssignments(List<Map<String, Object>> assignments, List<Object> out) {
    for (int i = 0; i < assignments.size(); i += MAX_ASSIGNMENTS) {
      List<Map<String, Object>> chunk =
          List.copyOf(assignments.subList(i, Math.min(assignments.size(), i + MAX_ASSIGNMENTS)));
      add(out, step("assign", single("assign", chunk)));
    }
    assignments.clear();
  }

  /**
   * The finally block of an enclosing try, and whether the code being emitted is in that try's
   * body, which the emitted {@code try} step guards: a {@code raise} there is caught by the step's
   * {@code except}, which runs the finally itself (after a catch, or before rethrowing).
   */
  record Finally(Block block, boolean guarded) {}

  /** The finally blocks of enclosing tries, innermost first, for returns, jumps and raises. */
  final java.util.Deque<Finally> finallyBlocks = new java.util.ArrayDeque<>();

  /**
   * The depth down to which a {@code raise} here must run finally blocks before it is raised: those
   * of the tries whose catch it is in, up to the innermost try whose body it is in (whose {@code
   * except} sees it; running that try's finally, or an outer one, here too would run it twice).
   */
  int unguarded() {
    int depth = finallyBlocks.size();
    for (Finally f : finallyBlocks) {
      if (f.guarded()) {
        break;
      }
      depth--;
    }
    return depth;
  }

  /** Emits the finally blocks entered since depth {@code downTo}, innermost first. */
  void finallies(int downTo, List<Object> out) {
    List<Finally> all = new ArrayList<>(finallyBlocks);
    java.util.Deque<Finally> saved = new java.util.ArrayDeque<>(finallyBlocks);
    try {
      for (int i = 0; i < all.size() - downTo; i++) {
        finallyBlocks.pop();
        out.addAll(block(all.get(i).block()));
      }
    } finally {
      finallyBlocks.clear();
      finallyBlocks.addAll(saved);
    }
  }

  String variable(String local) {
    return variables.get(local);
  }

  String freshVariable(String base) {
    return variableNames.next(base);
  }

  String freshStep(String base) {
    return steps.next(base, n -> base + "_" + n);
  }

  void subworkflow(String name, Map<String, Object> body) {
    subworkflows.putIfAbsent(name, body);
  }

  CloudWorkflowsHelpers helpers() {
    return helpers;
  }

  WorkflowIr workflow() {
    return workflow;
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  String render(Expr e, Stmt at) {
    return checked(expressions.render(e, at.position()), at);
  }

  void invoke(Stmt.Invoke call, List<Object> out, List<Map<String, Object>> assignments) {
    ActivityMethod a = call.activity();
    String response =
        responses.computeIfAbsent(a.functionKey(), k -> variableNames.next(a.name() + "_response"));
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("url", "${sys.get_env(\"" + urlVariable(a) + "\")}");
    args.put("auth", single("type", "OIDC"));
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < a.parameters().size(); i++) {
      body.put(a.parameters().get(i).name(), expression(call.arguments().get(i), call));
    }
    args.put("body", body);
    args.put("timeout", Math.min(MAX_HTTP_TIMEOUT, Math.max(1, a.timeout().toSeconds())));
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("call", "http.post");
    http.put("args", args);
    http.put("result", response);
    if (a.retry().retries()) {
      Map<String, Object> guarded = new LinkedHashMap<>();
      guarded.put("try", http);
      guarded.put("retry", retry(a, call));
      add(out, step(a.name(), guarded));
    } else {
      add(out, step(a.name(), http));
    }
    call.target()
        .ifPresent(
            t -> assignments.add(single(variables.get(t.name()), "${" + response + ".body}")));
  }

  private Map<String, Object> retry(ActivityMethod a, Stmt.Invoke at) {
    RetryPolicy p = a.retry();
    String predicate =
        "retry_"
            + a.ownerSimpleName().toLowerCase(Locale.ROOT)
            + "_"
            + a.name().toLowerCase(Locale.ROOT);
    subworkflows.put(predicate, predicate(p));
    Map<String, Object> retry = new LinkedHashMap<>();
    retry.put("predicate", "${" + predicate + "}");
    retry.put("max_retries", p.maxAttempts() - 1);
    Map<String, Object> backoff = new LinkedHashMap<>();
    backoff.put("initial_delay", Math.max(1, p.initialInterval().toSeconds()));
    backoff.put("max_delay", p.maxInterval().map(d -> Math.max(1, d.toSeconds())).orElse(3600L));
    long multiplier = (long) Math.ceil(p.backoffRate());
    if (multiplier != p.backoffRate()) {
      diagnostics.warning(
          DiagnosticCode.TARGET_LIMIT,
          at.position(),
          "Cloud Workflows takes a whole-number backoff multiplier: backoffRate "
              + p.backoffRate()
              + " of '"
              + a.name()
              + "' becomes "
              + multiplier
              + " on GCP",
          "use a whole backoffRate to get the same waits on every cloud");
    }
    backoff.put("multiplier", multiplier);
    retry.put("backoff", backoff);
    return retry;
  }

  /** A predicate subworkflow: true for the errors the policy retries. */
  private static Map<String, Object> predicate(RetryPolicy p) {
    List<String> checks = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (ErrorName e : p.retryOn()) {
      if (e instanceof ErrorName.ExceptionClass c) {
        types.addAll(c.qualifiedNames());
      } else if (e instanceof ErrorName.ActivityTimeout) {
        checks.add("(\"TimeoutError\" in e.tags)");
      }
    }
    if (!types.isEmpty()) {
      checks.add("(map.get(e, [\"body\", \"errorType\"]) in " + list(types) + ")");
    }
    String condition =
        p.retryOn().isEmpty() || p.retryOn().stream().anyMatch(e -> e instanceof ErrorName.Any)
            ? "true"
            : String.join(" or ", checks);
    Map<String, Object> sub = new LinkedHashMap<>();
    sub.put("params", List.of("e"));
    sub.put(
        "steps",
        List.of(
            single(
                "decide",
                single(
                    "return", condition.equals("true") ? (Object) true : "${" + condition + "}"))));
    return sub;
  }

  private static String list(List<String> values) {
    List<String> quoted = values.stream().map(CloudWorkflowsExpressions::literal).toList();
    return "[" + String.join(", ", quoted) + "]";
  }

  private void choice(Stmt.If i, List<Object> out) {
    List<Object> then = block(i.then());
    List<Object> otherwise = block(i.otherwise());
    if (then.isEmpty() && otherwise.isEmpty()) {
      return;
    }
    Object rendered = expression(i.condition(), i);
    if (rendered instanceof Boolean b) {
      out.addAll(b ? then : otherwise);
      return;
    }
    String condition = rendered.toString();
    List<Object> conditions = new ArrayList<>();
    if (then.isEmpty()) {
      conditions.add(branch("${not (" + unwrap(condition) + ")}", otherwise));
    } else {
      conditions.add(branch(condition, then));
      if (!otherwise.isEmpty()) {
        conditions.add(branch(true, otherwise));
      }
    }
    add(out, step("check", single("switch", conditions)));
  }

  private static String unwrap(String expression) {
    return expression.substring(2, expression.length() - 1);
  }

  static Map<String, Object> branch(Object condition, List<Object> steps) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("condition", condition);
    b.put("steps", steps);
    return b;
  }

  /** An expression as a YAML value: a literal where one is enough, else {@code ${...}}. */
  /**
   * Renders {@code e}; helper calls it needs are queued in {@link CloudWorkflowsHelpers} and land
   * before the step that uses the value.
   */
  Object expression(Expr e, Stmt at) {
    if (e instanceof Expr.Literal l && !(l.value() instanceof String s && s.contains("${"))) {
      return l.value();
    }
    String text = expressions.render(e, at.position());
    if (text.length() > MAX_EXPRESSION && e instanceof Expr.Concat c && c.parts().size() > 1) {
      helpers.takePrelude(); // rendered again below, part by part
      text = concatInSteps(c, at);
    }
    return wrap(checked(text, at));
  }

  /**
   * Google limits an expression to 400 characters: a longer concatenation is built in steps, its
   * parts added in Java's order to a variable in assignments that each stay within the limit.
   * Concatenation evaluates every part, so computing them a few steps earlier changes nothing.
   */
  private String concatInSteps(Expr.Concat c, Stmt at) {
    String acc = variableNames.next("text");
    boolean started = false;
    StringBuilder chunk = new StringBuilder();
    for (Expr part : c.parts()) {
      String rendered = expressions.render(new Expr.Concat(List.of(part)), at.position());
      String head = started ? acc + " + " : "";
      if (chunk.length() > 0
          && head.length() + chunk.length() + 3 + rendered.length() > MAX_EXPRESSION) {
        helpers.addPrelude(
            step("assign", single("assign", List.of(single(acc, wrap(head + chunk))))));
        started = true;
        chunk.setLength(0);
      }
      chunk.append(chunk.length() > 0 ? " + " : "").append(rendered);
    }
    return (started ? acc + " + " : "") + chunk;
  }

  /** {@code text}, after reporting it when it is over Google's limit. */
  String checked(String text, Stmt at) {
    if (text.length() > MAX_EXPRESSION) {
      diagnostics.error(
          DiagnosticCode.TARGET_LIMIT,
          at.position(),
          "on Cloud Workflows this expression would be "
              + text.length()
              + " characters, over Google's limit of "
              + MAX_EXPRESSION,
          "compute parts of it into locals first");
    }
    return text;
  }

  private static String wrap(String text) {
    return text.startsWith("{") ? "${ " + text + " }" : "${" + text + "}";
  }

  Map<String, Object> step(String base, Map<String, Object> body) {
    return single(steps.next(base, n -> base + "_" + n), body);
  }

  /** The helper calls queued by expressions rendered since the last step was added. */
  List<Object> prelude() {
    return helpers.takePrelude();
  }

  /** Adds {@code step} to {@code out} after the helper calls its expressions need. */
  void add(List<Object> out, Map<String, Object> step) {
    out.addAll(helpers.takePrelude());
    out.add(step);
  }

  static Map<String, Object> single(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  private static String write(Object root) {
    YAMLFactory yaml =
        YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();
    try {
      return new ObjectMapper(yaml).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
