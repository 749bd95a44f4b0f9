package dev.statecraft.compiler.azure;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.ErrorName;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.Stmt;
import dev.statecraft.compiler.ir.UniqueNames;
import dev.statecraft.compiler.java.JavaTypes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Control flow and durable operations in a Durable Functions orchestrator: loops, switch and try as
 * Java's own (a caught error is named through {@code WorkflowErrors} and matched by type), {@code
 * Durable.map} over one activity as batches of {@code callAll} (any other body runs item by item),
 * {@code Durable.parallel} of single activities as one {@code callEach}, sleeps as durable timers,
 * callbacks as external events, child workflows as sub-orchestrations.
 */
final class DurableFunctionsControl {
  private static final String ADAPTER = "dev.statecraft.azure";
  private static final ClassName DURABLE_ACTIVITIES = ClassName.get(ADAPTER, "DurableActivities");
  private static final ClassName ERRORS = ClassName.get(ADAPTER, "WorkflowErrors");

  /**
   * A loop's Java label, and the label of its body block when {@code continue} must skip to the
   * update.
   */
  private record LoopLabels(Optional<String> irLabel, String label, String bodyLabel) {}

  /** Where a map iteration's or parallel branch's value goes. */
  private record YieldTarget(String statement, String exit) {}

  private final DurableFunctionsEmitter emitter;
  private final UniqueNames labels = new UniqueNames();
  private final Deque<LoopLabels> loops = new ArrayDeque<>();
  private final Deque<YieldTarget> yields = new ArrayDeque<>();

  DurableFunctionsControl(DurableFunctionsEmitter emitter) {
    this.emitter = emitter;
  }

  private String print(Expr e) {
    return emitter.printer().print(e);
  }

  void statement(Stmt s, CodeBlock.Builder code) {
    if (s instanceof Stmt.Loop l) {
      loop(l, code);
    } else if (s instanceof Stmt.ForEach f) {
      String label = labels.next(f.label().orElse("each"));
      loops.push(new LoopLabels(f.label(), label, null));
      String iterable = print(f.iterable());
      emitter.enterScope();
      try {
        code.beginControlFlow(
            "$L: for ($T $L : $L)",
            label,
            JavaTypes.of(f.variable().type()),
            emitter.declare(f.variable().name()),
            iterable);
        code.add(emitter.block(f.body()));
        code.endControlFlow();
      } finally {
        emitter.exitScope();
        loops.pop();
      }
    } else if (s instanceof Stmt.Break b) {
      if (b.label().isPresent()) {
        code.addStatement("break $L", target(b.label()).label());
      } else {
        code.addStatement("break");
      }
    } else if (s instanceof Stmt.Continue c) {
      LoopLabels t = target(c.label());
      if (t.bodyLabel() != null) {
        code.addStatement("break $L", t.bodyLabel());
      } else {
        code.addStatement("continue $L", t.label());
      }
    } else if (s instanceof Stmt.Switch sw) {
      switchStatement(sw, code);
    } else if (s instanceof Stmt.Try t) {
      tryStatement(t, code);
    } else if (s instanceof Stmt.DurableMap m) {
      map(m, code);
    } else if (s instanceof Stmt.DurableParallel p) {
      parallel(p, code);
    } else if (s instanceof Stmt.Yield y) {
      YieldTarget t = yields.peek();
      code.addStatement(t.statement(), print(y.value()));
      code.addStatement(t.exit());
    } else if (s instanceof Stmt.Sleep w) {
      code.addStatement(
          "ctx.createTimer($T.ofSeconds($L)).await()", Duration.class, print(w.seconds()));
    } else if (s instanceof Stmt.AwaitCallback a) {
      awaitCallback(a, code);
    } else if (s instanceof Stmt.StartChild c) {
      CodeBlock call =
          CodeBlock.of(
              "$T.child(ctx, $S, $L, $T.class)",
              DURABLE_ACTIVITIES,
              DurableFunctionsEmitter.orchestratorName(c.workflowName()),
              c.input().map(this::print).orElse("null"),
              JavaTypes.boxed(c.resultType()));
      assign(c.target(), c.declaration(), call, code);
    } else {
      throw new IllegalStateException(
          "the Azure back end cannot emit " + s.getClass().getSimpleName());
    }
  }

  private LoopLabels target(Optional<String> label) {
    for (LoopLabels l : loops) {
      if (label.isEmpty() || l.irLabel().equals(label)) {
        return l;
      }
    }
    throw new IllegalStateException("jump without target: " + label);
  }

  private void assign(
      Optional<Expr.Local> target, boolean declaration, CodeBlock value, CodeBlock.Builder code) {
    if (target.isEmpty()) {
      code.addStatement("$L", value);
    } else if (declaration) {
      code.addStatement(
          "$T $L = $L",
          JavaTypes.of(target.get().type()),
          emitter.declare(target.get().name()),
          value);
    } else {
      code.addStatement("$L = $L", emitter.local(target.get().name()), value);
    }
  }

  /**
   * {@code while} and {@code do}/{@code while} map to Java's own; a loop with an update runs its
   * body in a labelled block so that {@code continue} still runs the update.
   */
  private void loop(Stmt.Loop l, CodeBlock.Builder code) {
    String label = labels.next(l.label().orElse("loop"));
    boolean plain = l.update().isEmpty();
    String bodyLabel = plain ? null : labels.next(label + "Body");
    loops.push(new LoopLabels(l.label(), label, bodyLabel));
    try {
      if (plain && l.testFirst()) {
        code.beginControlFlow("$L: while ($L)", label, print(l.condition()));
        code.add(emitter.block(l.body()));
        code.endControlFlow();
      } else if (plain) {
        code.beginControlFlow("$L: do", label);
        code.add(emitter.block(l.body()));
        code.endControlFlow("while ($L)", print(l.condition()));
      } else {
        code.beginControlFlow("$L: while (true)", label);
        if (l.testFirst()) {
          code.beginControlFlow("if (!($L))", print(l.condition()))
              .addStatement("break")
              .endControlFlow();
        }
        code.beginControlFlow("$L:", bodyLabel);
        code.add(emitter.block(l.body()));
        code.endControlFlow();
        code.add(emitter.block(l.update()));
        if (!l.testFirst()) {
          code.beginControlFlow("if (!($L))", print(l.condition()))
              .addStatement("break")
              .endControlFlow();
        }
        code.endControlFlow();
      }
    } finally {
      loops.pop();
    }
  }

  private void switchStatement(Stmt.Switch sw, CodeBlock.Builder code) {
    code.beginControlFlow("switch ($L)", print(sw.selector()));
    for (Stmt.Case c : sw.cases()) {
      List<String> labels = new ArrayList<>();
      for (Expr.Literal l : c.labels()) {
        labels.add(l.type() instanceof IrType.EnumType ? String.valueOf(l.value()) : print(l));
      }
      code.beginControlFlow("case $L ->", String.join(", ", labels));
      code.add(emitter.block(c.body()));
      code.endControlFlow();
    }
    code.beginControlFlow("default ->");
    code.add(emitter.block(sw.otherwise()));
    code.endControlFlow();
    code.endControlFlow();
  }

  /**
   * Java's try, with one difference: the {@code finally} body does not run while the orchestrator
   * is only suspended on a pending task (durabletask unwinds it with a control-flow exception, and
   * replays it later), so it runs once, when the try really ends, as in Java.
   */
  private void tryStatement(Stmt.Try t, CodeBlock.Builder code) {
    String suspended = null;
    if (!t.finallyBlock().isEmpty()) {
      suspended = labels.next("suspended");
      code.addStatement("boolean $L = false", suspended);
      code.beginControlFlow("try");
    }
    String caught = labels.next("caught");
    if (t.catches().isEmpty()) {
      code.add(emitter.block(t.body()));
    } else {
      code.beginControlFlow("try");
      code.add(emitter.block(t.body()));
      code.nextControlFlow("catch (RuntimeException $L)", caught);
      code.addStatement("$T.rethrowControlFlow($L)", ERRORS, caught);
      String type = labels.next("caughtType");
      code.addStatement("String $L = $T.type($L)", type, ERRORS, caught);
      boolean first = true;
      boolean catchesAll = false;
      for (Stmt.Catch c : t.catches()) {
        String test = matches(c.errors(), type);
        if (first) {
          code.beginControlFlow("if ($L)", test);
        } else {
          code.nextControlFlow("else if ($L)", test);
        }
        first = false;
        emitter.enterScope();
        c.error()
            .ifPresent(v -> code.addStatement("String $L = $L", emitter.declare(v.name()), type));
        c.message()
            .ifPresent(
                v ->
                    code.addStatement(
                        "String $L = $T.message($L)", emitter.declare(v.name()), ERRORS, caught));
        code.add(emitter.block(c.body()));
        emitter.exitScope();
        catchesAll |= test.equals("true");
      }
      if (!catchesAll) {
        code.nextControlFlow("else");
        code.addStatement("throw $L", caught);
      }
      code.endControlFlow();
      code.endControlFlow();
    }
    if (suspended != null) {
      String unwinding = labels.next("unwinding");
      code.nextControlFlow("catch (RuntimeException $L)", unwinding);
      code.addStatement("$L = $T.isControlFlow($L)", suspended, ERRORS, unwinding);
      code.addStatement("throw $L", unwinding);
      code.nextControlFlow("finally");
      code.beginControlFlow("if (!$L)", suspended);
      code.add(emitter.block(t.finallyBlock()));
      code.endControlFlow();
      code.endControlFlow();
    }
  }

  private static String matches(List<ErrorName> errors, String type) {
    List<String> names = new ArrayList<>();
    for (ErrorName e : errors) {
      if (e instanceof ErrorName.Any) {
        return "true";
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
    List<String> quoted = names.stream().map(n -> "\"" + n + "\"").toList();
    return "WorkflowErrors.matches("
        + type
        + (quoted.isEmpty() ? "" : ", " + String.join(", ", quoted))
        + ")";
  }

  private void map(Stmt.DurableMap m, CodeBlock.Builder code) {
    IrType.ListType resultType =
        (IrType.ListType)
            m.target().map(Expr.Local::type).orElse(new IrType.ListType(IrType.STRING));
    Optional<Stmt.Invoke> single = singleActivity(m.body());
    if (single.isPresent() && !JavaTypes.isGeneric(single.get().activity().returnType())) {
      Stmt.Invoke call = single.get();
      ActivityMethod a = call.activity();
      String items = print(m.items());
      emitter.enterScope();
      String item = emitter.declare(m.item().name());
      List<String> args = new ArrayList<>();
      for (int k = 0; k < a.parameters().size(); k++) {
        args.add("\"" + a.parameters().get(k).name() + "\", " + print(call.arguments().get(k)));
      }
      emitter.exitScope();
      CodeBlock value =
          CodeBlock.of(
              "$T.callAll(ctx, $L, $T.class, $L, $L.stream().map($L -> new Object[] {$L}).toList())",
              DURABLE_ACTIVITIES,
              emitter.specConstant(a),
              JavaTypes.boxed(a.returnType()),
              m.maxConcurrency(),
              items,
              item,
              String.join(", ", args));
      assign(m.target(), m.declaration(), value, code);
      return;
    }
    String items = print(m.items());
    String results =
        m.target()
            .map(t -> m.declaration() ? emitter.declare(t.name()) : emitter.local(t.name()))
            .orElse(labels.next("results"));
    if (m.target().isEmpty() || m.declaration()) {
      code.addStatement("$T $L = new $T<>()", JavaTypes.of(resultType), results, ArrayList.class);
    } else {
      code.addStatement("$L = new $T<>()", results, ArrayList.class);
    }
    String label = labels.next("items");
    code.add("// Runs item by item: the body is more than one activity call.\n");
    emitter.enterScope();
    code.beginControlFlow(
        "$L: for ($T $L : $L)",
        label,
        JavaTypes.of(m.item().type()),
        emitter.declare(m.item().name()),
        items);
    yields.push(new YieldTarget(results + ".add($L)", "continue " + label));
    Deque<LoopLabels> saved = new ArrayDeque<>(loops);
    loops.clear();
    try {
      code.add(emitter.block(m.body()));
    } finally {
      yields.pop();
      loops.addAll(saved);
      emitter.exitScope();
    }
    code.endControlFlow();
  }

  /** The body's single activity call when it is exactly "call, then yield its result". */
  private static Optional<Stmt.Invoke> singleActivity(Block body) {
    if (body.statements().size() == 2
        && body.statements().get(0) instanceof Stmt.Invoke i
        && i.target().isPresent()
        && body.statements().get(1) instanceof Stmt.Yield y
        && y.value() instanceof Expr.Local l
        && l.name().equals(i.target().get().name())) {
      return Optional.of(i);
    }
    return Optional.empty();
  }

  private void parallel(Stmt.DurableParallel p, CodeBlock.Builder code) {
    IrType.RecordType type = (IrType.RecordType) p.target().map(Expr.Local::type).orElse(null);
    List<Optional<Stmt.Invoke>> singles =
        p.branches().stream().map(DurableFunctionsControl::singleActivity).toList();
    List<String> values = new ArrayList<>();
    if (singles.stream()
        .allMatch(o -> o.isPresent() && !JavaTypes.isGeneric(o.get().activity().returnType()))) {
      String all = labels.next("branchResults");
      List<CodeBlock> calls = new ArrayList<>();
      for (Optional<Stmt.Invoke> s : singles) {
        ActivityMethod a = s.get().activity();
        List<String> args = new ArrayList<>();
        for (int k = 0; k < a.parameters().size(); k++) {
          args.add(
              "\"" + a.parameters().get(k).name() + "\", " + print(s.get().arguments().get(k)));
        }
        calls.add(
            CodeBlock.of(
                "new $T.Call($L, $T.class$L)",
                DURABLE_ACTIVITIES,
                emitter.specConstant(a),
                JavaTypes.boxed(a.returnType()),
                args.isEmpty() ? "" : ", " + String.join(", ", args)));
      }
      code.addStatement(
          "$T<Object> $L = $T.callEach(ctx, $T.of($L))",
          List.class,
          all,
          DURABLE_ACTIVITIES,
          List.class,
          CodeBlock.join(calls, ", "));
      for (int i = 0; i < singles.size(); i++) {
        values.add(
            "("
                + JavaTypes.boxed(singles.get(i).get().activity().returnType())
                + ") "
                + all
                + ".get("
                + i
                + ")");
      }
    } else {
      for (int i = 0; i < p.branches().size(); i++) {
        String label = labels.next("branch");
        String result = labels.next("branchResult");
        IrType t = type == null ? IrType.STRING : type.typeArguments().get(i);
        code.addStatement("$T $L = $L", JavaTypes.boxed(t), result, "null");
        code.add("// Runs branch by branch: a branch is more than one activity call.\n");
        code.beginControlFlow("$L:", label);
        yields.push(new YieldTarget(result + " = $L", "break " + label));
        Deque<LoopLabels> saved = new ArrayDeque<>(loops);
        loops.clear();
        try {
          code.add(emitter.block(p.branches().get(i)));
        } finally {
          yields.pop();
          loops.addAll(saved);
        }
        code.endControlFlow();
        values.add(result);
      }
    }
    if (p.target().isPresent()) {
      CodeBlock record = CodeBlock.of("new $T($L)", JavaTypes.of(type), String.join(", ", values));
      assign(p.target(), p.declaration(), record, code);
    }
  }

  private void awaitCallback(Stmt.AwaitCallback a, CodeBlock.Builder code) {
    String callback = emitter.declare(a.callback().name());
    code.addStatement(
        "$T $L = $T.newCallback(ctx, $S, callbackSequence++)",
        ClassName.get("dev.statecraft.api", "Callback"),
        callback,
        DURABLE_ACTIVITIES,
        emitter.workflowName());
    code.add(emitter.block(a.notifier()));
    CodeBlock wait =
        CodeBlock.of(
            "$T.awaitCallback(ctx, $L, $T.ofSeconds($L), $T.class)",
            DURABLE_ACTIVITIES,
            callback,
            Duration.class,
            print(a.timeoutSeconds()),
            JavaTypes.boxed(a.resultType()));
    assign(a.target(), a.declaration(), wait, code);
  }
}
