package dev.statecraft.compiler.gcp;

import static dev.statecraft.compiler.gcp.CloudWorkflowsEmitter.branch;
import static dev.statecraft.compiler.gcp.CloudWorkflowsEmitter.single;

import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.ErrorName;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Control flow and durable operations in Cloud Workflows: loops as {@code next} jumps around a
 * {@code switch}, {@code try}/{@code except} dispatching on the error's type, {@code Durable.map}
 * as a parallel {@code for}, {@code Durable.parallel} as parallel {@code branches}, {@code sleep}
 * as {@code sys.sleep}, callbacks through {@code events.create_callback_endpoint} and {@code
 * events.await_callback}, and child workflows through the Workflow Executions connector.
 */
final class CloudWorkflowsControl {
  static final String ERROR_TYPE = "statecraft_error_type";
  private static final String CHILD_CONNECTOR =
      "googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run";
  private static final int MAX_CONCURRENCY = 20;

  /** Where {@code break} and {@code continue} of a loop or switch go. */
  private record JumpTarget(
      boolean loop,
      Optional<String> label,
      String breakStep,
      String continueStep,
      int finallyDepth) {}

  /** Where the {@code Yield} of a map iteration or parallel branch puts its value. */
  private record YieldTarget(String assignTo, String next) {}

  private final Deque<JumpTarget> jumps = new ArrayDeque<>();
  private final Deque<YieldTarget> yields = new ArrayDeque<>();

  private final CloudWorkflowsEmitter emitter;

  CloudWorkflowsControl(CloudWorkflowsEmitter emitter) {
    this.emitter = emitter;
  }

  void statement(Stmt s, List<Object> out) {
    if (s instanceof Stmt.Loop l) {
      loop(l, out);
    } else if (s instanceof Stmt.Break b) {
      jump(b.label(), false, out);
    } else if (s instanceof Stmt.Continue c) {
      jump(c.label(), true, out);
    } else if (s instanceof Stmt.Switch sw) {
      switchStatement(sw, out);
    } else if (s instanceof Stmt.Try t) {
      tryStatement(t, out);
    } else if (s instanceof Stmt.DurableMap m) {
      map(m, out);
    } else if (s instanceof Stmt.DurableParallel p) {
      parallel(p, out);
    } else if (s instanceof Stmt.Yield y) {
      YieldTarget target = yields.peek();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("assign", List.of(single(target.assignTo(), emitter.expression(y.value(), y))));
      body.put("next", target.next());
      emitter.add(out, emitter.step("yield", body));
    } else if (s instanceof Stmt.Sleep w) {
      Map<String, Object> call = new LinkedHashMap<>();
      call.put("call", "sys.sleep");
      call.put("args", single("seconds", emitter.expression(w.seconds(), w)));
      emitter.add(out, emitter.step("sleep", call));
    } else if (s instanceof Stmt.AwaitCallback a) {
      awaitCallback(a, out);
    } else if (s instanceof Stmt.StartChild c) {
      child(c, out);
    } else {
      throw new IllegalStateException(
          "the GCP back end cannot emit " + s.getClass().getSimpleName());
    }
  }

  private Map<String, Object> label(String name) {
    return single(name, single("assign", List.of(single("statecraft_step", name))));
  }

  private void loop(Stmt.Loop l, List<Object> out) {
    String head = emitter.freshStep("loop");
    String next = emitter.freshStep("loop_next");
    String end = emitter.freshStep("loop_end");
    out.add(label(head));
    if (l.testFirst()) {
      Object stop = "${not (" + emitter.render(l.condition(), l) + ")}";
      emitter.add(out, emitter.step("loop_check", single("switch", List.of(condition(stop, end)))));
    }
    jumps.push(new JumpTarget(true, l.label(), end, next, emitter.finallyBlocks.size()));
    try {
      out.addAll(emitter.block(l.body()));
      out.add(label(next));
      // The update may end the loop: a do/while whose condition calls an activity checks it
      // there, with a break (HoistActivityCalls).
      out.addAll(emitter.block(l.update()));
    } finally {
      jumps.pop();
    }
    if (l.testFirst()) {
      emitter.add(out, emitter.step("loop_back", single("next", head)));
    } else {
      Map<String, Object> again = new LinkedHashMap<>();
      again.put("condition", "${" + emitter.render(l.condition(), l) + "}");
      again.put("next", head);
      emitter.add(out, emitter.step("loop_again", single("switch", List.of(again))));
    }
    out.add(label(end));
  }

  private static Map<String, Object> condition(Object condition, String next) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("condition", condition);
    c.put("next", next);
    return c;
  }

  private void jump(Optional<String> label, boolean isContinue, List<Object> out) {
    for (JumpTarget t : jumps) {
      if (label.isPresent() ? t.label().equals(label) : (t.loop() || !isContinue)) {
        out.addAll(emitter.prelude());
        emitter.finallies(t.finallyDepth(), out);
        emitter.add(
            out,
            emitter.step(
                isContinue ? "continue" : "break",
                single("next", isContinue ? t.continueStep() : t.breakStep())));
        return;
      }
    }
    throw new IllegalStateException("jump without target");
  }

  private void switchStatement(Stmt.Switch sw, List<Object> out) {
    String end = emitter.freshStep("switch_end");
    List<Object> conditions = new ArrayList<>();
    String selector = emitter.freshVariable("selector");
    emitter.add(
        out,
        emitter.step(
            "switch_on",
            single("assign", List.of(single(selector, emitter.expression(sw.selector(), sw))))));
    jumps.push(new JumpTarget(false, Optional.empty(), end, null, emitter.finallyBlocks.size()));
    try {
      for (Stmt.Case c : sw.cases()) {
        List<String> tests = new ArrayList<>();
        for (Expr.Literal label : c.labels()) {
          tests.add(selector + " == " + emitter.render(label, sw));
        }
        conditions.add(
            branch("${" + String.join(" or ", tests) + "}", nonEmpty(emitter.block(c.body()), sw)));
      }
      if (!sw.otherwise().isEmpty()) {
        conditions.add(branch(true, nonEmpty(emitter.block(sw.otherwise()), sw)));
      }
    } finally {
      jumps.pop();
    }
    if (!conditions.isEmpty()) {
      emitter.add(out, emitter.step("switch", single("switch", conditions)));
    }
    out.add(label(end));
  }

  private List<Object> nonEmpty(List<Object> steps, Stmt at) {
    if (steps.isEmpty()) {
      return List.of(label(emitter.freshStep("nothing")));
    }
    return steps;
  }

  private void tryStatement(Stmt.Try t, List<Object> out) {
    errorTypeSubworkflow();
    String error = emitter.freshVariable("error");
    String type = emitter.freshVariable("error_type");
    emitter.finallyBlocks.push(new CloudWorkflowsEmitter.Finally(t.finallyBlock(), true));
    List<Object> body;
    List<Object> dispatch = new ArrayList<>();
    try {
      body = nonEmpty(emitter.block(t.body()), t);
      emitter.finallyBlocks.pop();
      emitter.finallyBlocks.push(new CloudWorkflowsEmitter.Finally(t.finallyBlock(), false));
      for (Stmt.Catch c : t.catches()) {
        List<Object> steps = new ArrayList<>();
        List<Map<String, Object>> bind = new ArrayList<>();
        c.error().ifPresent(v -> bind.add(single(emitter.variable(v.name()), "${" + type + "}")));
        c.message().ifPresent(v -> bind.add(single(emitter.variable(v.name()), message(error))));
        if (!bind.isEmpty()) {
          steps.add(emitter.step("caught", single("assign", bind)));
        }
        steps.addAll(emitter.block(c.body()));
        dispatch.add(branch(matches(c.errors(), type), nonEmpty(steps, t)));
      }
    } finally {
      emitter.finallyBlocks.pop();
    }
    List<Object> rethrow = new ArrayList<>(emitter.block(t.finallyBlock()));
    rethrow.add(emitter.step("rethrow", single("raise", "${" + error + "}")));
    dispatch.add(branch(true, rethrow));
    Map<String, Object> classify = new LinkedHashMap<>();
    classify.put("call", ERROR_TYPE);
    classify.put("args", single("e", "${" + error + "}"));
    classify.put("result", type);
    Map<String, Object> except = new LinkedHashMap<>();
    except.put("as", error);
    except.put(
        "steps",
        List.of(
            emitter.step("classify", classify),
            emitter.step("handle", single("switch", dispatch))));
    Map<String, Object> guarded = new LinkedHashMap<>();
    guarded.put("try", single("steps", body));
    guarded.put("except", except);
    emitter.add(out, emitter.step("try", guarded));
    out.addAll(emitter.block(t.finallyBlock()));
  }

  /**
   * A caught error's message: an activity's, a {@code WorkflowFailure}'s cause, or the message of
   * an exception of workflow code itself without the class that starts it ({@link
   * CloudWorkflowsHelpers#check} raises {@code "java.lang.X: message"}).
   */
  private static String message(String error) {
    return "${default(map.get("
        + error
        + ", [\"body\", \"errorMessage\"]), default(map.get("
        + error
        + ", \"cause\"), text.replace_all_regex(default(map.get("
        + error
        + ", \"message\"), \"\"), "
        + CloudWorkflowsExpressions.literal("^" + WORKFLOW_CODE_EXCEPTION + ": ")
        + ", \"\")))}";
  }

  /** The class that starts the message of an exception workflow code raises. */
  private static final String WORKFLOW_CODE_EXCEPTION = "java\\.(lang|util)\\.[A-Za-z]+";

  private static Object matches(List<ErrorName> errors, String type) {
    List<String> names = new ArrayList<>();
    for (ErrorName e : errors) {
      if (e instanceof ErrorName.Any) {
        return true;
      }
      if (e instanceof ErrorName.ExceptionClass c) {
        names.addAll(c.qualifiedNames());
      } else if (e instanceof ErrorName.ActivityTimeout) {
        names.add("dev.statecraft.api.ActivityTimeout");
      } else if (e instanceof ErrorName.CallbackTimeout) {
        names.add("dev.statecraft.api.CallbackTimeout");
      } else if (e instanceof ErrorName.WorkflowFailure) {
        names.add("dev.statecraft.api.WorkflowFailure");
      }
    }
    return "${"
        + type
        + " in ["
        + String.join(", ", names.stream().map(CloudWorkflowsExpressions::literal).toList())
        + "]}";
  }

  /** The subworkflow naming an error by the Java exception it stands for. */
  private void errorTypeSubworkflow() {
    List<Object> cases = new ArrayList<>();
    cases.add(
        returning(
            "${\"TimeoutError\" in default(map.get(e, \"tags\"), [])}",
            "dev.statecraft.api.ActivityTimeout"));
    cases.add(
        returning(
            "${map.get(e, \"statecraft_callback_timeout\") != null}",
            "dev.statecraft.api.CallbackTimeout"));
    cases.add(returning("${map.get(e, [\"body\", \"errorType\"]) != null}", "${e.body.errorType}"));
    // An exception of workflow code itself: its message starts with the class.
    cases.add(
        returning(
            "${text.match_regex(default(map.get(e, \"message\"), \"\"), "
                + CloudWorkflowsExpressions.literal("(?s)^" + WORKFLOW_CODE_EXCEPTION + ": .*")
                + ")}",
            "${text.split(e.message, \": \")[0]}"));
    cases.add(returning("${map.get(e, \"cause\") != null}", "dev.statecraft.api.WorkflowFailure"));
    Map<String, Object> sub = new LinkedHashMap<>();
    sub.put("params", List.of("e"));
    sub.put(
        "steps",
        List.of(
            single("classify", single("switch", cases)),
            single("other", single("return", "java.lang.RuntimeException"))));
    emitter.subworkflow(ERROR_TYPE, sub);
  }

  private static Map<String, Object> returning(String condition, Object value) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("condition", condition);
    c.put("return", value);
    return c;
  }

  private void map(Stmt.DurableMap m, List<Object> out) {
    String results = emitter.freshVariable("map_results");
    String index = emitter.freshVariable("map_index");
    String items = emitter.freshVariable("map_items");
    emitter.add(
        out,
        emitter.step(
            "map_init",
            single(
                "assign",
                List.of(
                    single(items, emitter.expression(m.items(), m)), single(results, "${ {} }")))));
    int limit = m.maxConcurrency() == 0 ? MAX_CONCURRENCY : m.maxConcurrency();
    if (limit > MAX_CONCURRENCY) {
      emitter
          .diagnostics()
          .warning(
              DiagnosticCode.TARGET_LIMIT,
              m.position(),
              "Cloud Workflows runs at most "
                  + MAX_CONCURRENCY
                  + " branches at once; this map's limit of "
                  + limit
                  + " becomes "
                  + MAX_CONCURRENCY,
              "");
      limit = MAX_CONCURRENCY;
    }
    yields.push(new YieldTarget(results + "[string(" + index + ")]", "continue"));
    Deque<JumpTarget> saved = new ArrayDeque<>(jumps);
    jumps.clear();
    List<Object> body;
    try {
      body = emitter.block(m.body());
    } finally {
      yields.pop();
      jumps.addAll(saved);
    }
    Map<String, Object> forLoop = new LinkedHashMap<>();
    forLoop.put("value", emitter.variable(m.item().name()));
    forLoop.put("index", index);
    forLoop.put("in", "${" + items + "}");
    forLoop.put("steps", body);
    Map<String, Object> parallel = new LinkedHashMap<>();
    parallel.put("shared", List.of(results));
    parallel.put("concurrency_limit", limit);
    parallel.put("for", forLoop);
    emitter.add(out, emitter.step("map", single("parallel", parallel)));
    m.target().ifPresent(t -> collect(emitter.variable(t.name()), results, items, out));
  }

  /** Turns the index-keyed results of a parallel for back into a list in item order. */
  private void collect(String target, String results, String items, List<Object> out) {
    String k = emitter.freshVariable("k");
    emitter.add(
        out, emitter.step("collect_init", single("assign", List.of(single(target, List.of())))));
    Map<String, Object> forLoop = new LinkedHashMap<>();
    forLoop.put("value", k);
    forLoop.put("range", "${[0, len(" + items + ") - 1]}");
    forLoop.put(
        "steps",
        List.of(
            emitter.step(
                "collect_one",
                single(
                    "assign",
                    List.of(
                        single(target, "${list.concat(" + target + ", null)}"),
                        single(
                            target + "[len(" + target + ") - 1]",
                            "${" + results + "[string(" + k + ")]}"))))));
    emitter.add(out, emitter.step("collect", single("for", forLoop)));
  }

  private void parallel(Stmt.DurableParallel p, List<Object> out) {
    List<String> results = new ArrayList<>();
    List<Map<String, Object>> init = new ArrayList<>();
    for (int i = 0; i < p.branches().size(); i++) {
      String r = emitter.freshVariable("branch_result");
      results.add(r);
      init.add(single(r, null));
    }
    emitter.add(out, emitter.step("parallel_init", single("assign", init)));
    List<Object> branches = new ArrayList<>();
    Deque<JumpTarget> saved = new ArrayDeque<>(jumps);
    jumps.clear();
    try {
      for (int i = 0; i < p.branches().size(); i++) {
        String end = emitter.freshStep("branch_end");
        yields.push(new YieldTarget(results.get(i), end));
        List<Object> steps;
        try {
          steps = new ArrayList<>(emitter.block(p.branches().get(i)));
        } finally {
          yields.pop();
        }
        steps.add(label(end));
        branches.add(single(emitter.freshStep("branch"), single("steps", steps)));
      }
    } finally {
      jumps.addAll(saved);
    }
    Map<String, Object> parallel = new LinkedHashMap<>();
    parallel.put("shared", results);
    parallel.put("branches", branches);
    emitter.add(out, emitter.step("parallel", single("parallel", parallel)));
    p.target()
        .ifPresent(
            t -> {
              String[] fields = {"first", "second", "third"};
              List<String> entries = new ArrayList<>();
              for (int i = 0; i < results.size(); i++) {
                entries.add("\"" + fields[i] + "\": " + results.get(i));
              }
              emitter.add(
                  out,
                  emitter.step(
                      "parallel_result",
                      single(
                          "assign",
                          List.of(
                              single(
                                  emitter.variable(t.name()),
                                  "${ {" + String.join(", ", entries) + "} }")))));
            });
  }

  private void awaitCallback(Stmt.AwaitCallback a, List<Object> out) {
    String endpoint = emitter.freshVariable("callback_endpoint");
    String answer = emitter.freshVariable("callback_answer");
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("call", "events.create_callback_endpoint");
    create.put("args", single("http_callback_method", "POST"));
    create.put("result", endpoint);
    emitter.add(out, emitter.step("callback_create", create));
    emitter.add(
        out,
        emitter.step(
            "callback_bind",
            single(
                "assign",
                List.of(
                    single(
                        emitter.variable(a.callback().name()),
                        "${ {\"token\": "
                            + endpoint
                            + ".url, \"url\": "
                            + endpoint
                            + ".url} }")))));
    out.addAll(emitter.block(a.notifier()));
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("callback", "${" + endpoint + "}");
    args.put("timeout", emitter.expression(a.timeoutSeconds(), a));
    Map<String, Object> await = new LinkedHashMap<>();
    await.put("call", "events.await_callback");
    await.put("args", args);
    await.put("result", answer);
    String e = emitter.freshVariable("callback_error");
    Map<String, Object> timeout = new LinkedHashMap<>();
    timeout.put("condition", "${\"TimeoutError\" in default(map.get(" + e + ", \"tags\"), [])}");
    timeout.put("raise", timeoutError());
    Map<String, Object> except = new LinkedHashMap<>();
    except.put("as", e);
    except.put(
        "steps",
        List.of(
            emitter.step("callback_timeout", single("switch", List.of(timeout))),
            emitter.step("callback_rethrow", single("raise", "${" + e + "}"))));
    Map<String, Object> guarded = new LinkedHashMap<>();
    guarded.put("try", await);
    guarded.put("except", except);
    emitter.add(out, emitter.step("callback_wait", guarded));
    a.target()
        .ifPresent(
            t -> {
              emitter.add(
                  out,
                  emitter.step(
                      "callback_result",
                      single(
                          "assign",
                          List.of(
                              single(
                                  emitter.variable(t.name()),
                                  "${" + answer + ".http_request.body}")))));
              if (CloudWorkflowsHelpers.containsRecord(a.resultType())) {
                out.add(
                    emitter.helpers().presentFields(a.resultType(), emitter.variable(t.name())));
              }
            });
  }

  /** The error a callback timeout raises; {@code statecraft_error_type} knows it by its marker. */
  private static Map<String, Object> timeoutError() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("statecraft_callback_timeout", true);
    error.put("message", "no callback within the timeout");
    return error;
  }

  private void child(Stmt.StartChild c, List<Object> out) {
    String result = emitter.freshVariable("child_result");
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("workflow_id", c.workflowName());
    c.input().ifPresent(i -> args.put("argument", emitter.expression(i, c)));
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("call", CHILD_CONNECTOR);
    call.put("args", args);
    call.put("result", result);
    emitter.add(out, emitter.step("run_" + c.workflowName().replace('-', '_'), call));
    c.target()
        .ifPresent(
            t ->
                emitter.add(
                    out,
                    emitter.step(
                        "child_output",
                        single(
                            "assign",
                            List.of(single(emitter.variable(t.name()), "${" + result + "}"))))));
  }
}
