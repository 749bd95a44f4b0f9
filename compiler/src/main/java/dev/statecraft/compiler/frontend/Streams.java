package dev.statecraft.compiler.frontend;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.SourcePosition;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Builtin;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Expr.Local;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.IrType.ListType;
import dev.statecraft.compiler.ir.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sequential stream pipelines over a list, as the loop they mean: {@code xs.stream().filter(x ->
 * x.ok()).map(x -> x.name()).toList()} is a for-each over {@code xs} that adds each kept, mapped
 * element to a new list. Lambdas are single expressions (or method references) and may call
 * activities, which run one after another as Java's sequential stream runs them. Like the other
 * {@link Effects}, a pipeline initializes a local, is assigned to one, or is returned.
 *
 * <p>Intermediate operations: {@code filter}, {@code map}, {@code mapToInt}, {@code mapToLong},
 * {@code mapToDouble}, {@code limit}, {@code skip}, and {@code distinct} and {@code sorted} (of
 * strings and numbers), which end one loop in a list and start the next over its reordered or
 * thinned copy. Terminal operations: {@code toList()}, {@code collect(Collectors.toList())}, {@code
 * collect(Collectors.joining(...))}, {@code count()}, {@code sum()}, {@code anyMatch}, {@code
 * allMatch}, {@code noneMatch}, {@code forEach} (also {@code list.forEach(...)}, a statement).
 */
final class Streams {
  private static final Set<String> TERMINALS =
      Set.of(
          "toList",
          "collect",
          "count",
          "sum",
          "anyMatch",
          "allMatch",
          "noneMatch",
          "forEach",
          "reduce");

  /**
   * Terminal operations whose result is an {@code Optional}, unwrapped by one of {@link #UNWRAP}.
   */
  private static final Set<String> OPTIONAL_TERMINALS = Set.of("max", "min", "average", "reduce");

  private static final Set<String> UNWRAP =
      Set.of("orElse", "get", "getAsInt", "getAsLong", "getAsDouble", "orElseThrow");
  private static final Set<String> INTERMEDIATE =
      Set.of(
          "filter",
          "map",
          "mapToInt",
          "mapToLong",
          "mapToDouble",
          "limit",
          "skip",
          "sorted",
          "distinct",
          "flatMap");
  private static final String COLLECTORS = "java.util.stream.Collectors";

  private final SourceContext context;
  private final ExpressionTranslator x;
  private final BodyTranslator body;

  Streams(SourceContext context, ExpressionTranslator x, BodyTranslator body) {
    this.context = context;
    this.x = x;
    this.body = body;
  }

  /**
   * Whether {@code m} ends a chain that starts with {@code something.stream()}, or is {@code
   * list.forEach(...)}.
   */
  static boolean isPipeline(MethodCallExpr m) {
    if (optionalTerminal(m).isPresent()) {
      return true;
    }
    if (!TERMINALS.contains(m.getNameAsString())) {
      return false;
    }
    if (m.getNameAsString().equals("forEach")
        && m.getArguments().size() == 1
        && m.getScope().isPresent()
        && !isStreamChain(m.getScope().get())) {
      return true;
    }
    return isStreamChain(m);
  }

  /**
   * The first operation after {@code stream} in the chain {@code streamCall} starts that the
   * workflow language does not support ({@code average}, {@code reduce}, {@code max}...), if any.
   */
  static Optional<String> unsupportedOperation(MethodCallExpr streamCall) {
    com.github.javaparser.ast.Node at = streamCall;
    while (at.getParentNode().orElse(null) instanceof MethodCallExpr next
        && next.getScope().orElse(null) == at) {
      String name = next.getNameAsString();
      if (!INTERMEDIATE.contains(name)
          && !TERMINALS.contains(name)
          && !OPTIONAL_TERMINALS.contains(name)
          && !UNWRAP.contains(name)) {
        return Optional.of(name);
      }
      at = next;
    }
    return Optional.empty();
  }

  /**
   * The {@code max}, {@code min}, {@code average} or {@code reduce} that {@code m} unwraps ({@code
   * xs.stream().max(...).orElse(x)}), if it is such an unwrapping.
   */
  private static Optional<MethodCallExpr> optionalTerminal(MethodCallExpr m) {
    if (UNWRAP.contains(m.getNameAsString())
        && m.getScope().orElse(null) instanceof MethodCallExpr inner
        && OPTIONAL_TERMINALS.contains(inner.getNameAsString())
        && isStreamChain(inner)) {
      return Optional.of(inner);
    }
    return Optional.empty();
  }

  private static boolean isStream(Expression e) {
    return e instanceof MethodCallExpr call
        && call.getNameAsString().equals("stream")
        && call.getArguments().isEmpty()
        && call.getScope().isPresent();
  }

  private static boolean isStreamChain(Expression m) {
    Expression e = m;
    while (e instanceof MethodCallExpr call && call.getScope().isPresent()) {
      if (call.getNameAsString().equals("stream") && call.getArguments().isEmpty()) {
        return true;
      }
      e = call.getScope().get();
    }
    return false;
  }

  /**
   * The pipeline as statements that leave its result in the effect's target, converted by {@code
   * cast} when the pipeline stands in a numeric cast ({@code (int) xs.stream().count()}).
   */
  Effects.Effect effect(MethodCallExpr last, Optional<IrType.Primitive> cast) {
    Optional<MethodCallExpr> unwrapped = optionalTerminal(last);
    MethodCallExpr terminal = unwrapped.orElse(last);
    Optional<MethodCallExpr> unwrap = unwrapped.map(inner -> last);
    List<MethodCallExpr> ops = new ArrayList<>();
    Expression e = terminal.getScope().get();
    while (e instanceof MethodCallExpr call && isStreamChain(call) && !isStream(call)) {
      ops.add(0, call);
      e = call.getScope().orElseThrow();
    }
    // list.stream()...: the list is the stream's scope; list.forEach(...): the list itself.
    Expression sourceExpr = isStream(e) ? ((MethodCallExpr) e).getScope().orElseThrow() : e;
    Optional<Expr> source = x.translate(sourceExpr, Optional.empty());
    if (source.isEmpty()) {
      return Effects.Effect.failed();
    }
    if (!(source.get().type() instanceof ListType list)) {
      return failed(
          e,
          DiagnosticCode.UNSUPPORTED_CALL,
          "'"
              + (isStream(e) ? "stream()" : terminal.getNameAsString() + "(...)")
              + "' of '"
              + source.get().type().javaName()
              + "': streams work on lists here",
          "stream a List");
    }
    SourcePosition pos = x.unit().at(terminal);
    Local item = new Local(body.freshName("item"), list.element());
    Expr from = source.get();
    LoopBody loopBody = new LoopBody(pos);
    Expr current = item;
    for (MethodCallExpr op : ops) {
      String name = op.getNameAsString();
      if (!INTERMEDIATE.contains(name)) {
        return failed(
            op.getName(),
            DiagnosticCode.UNSUPPORTED_CALL,
            "stream operation '" + name + "' is not supported in workflow code",
            "use filter, map, mapToInt/Long/Double, flatMap, limit, skip, distinct, sorted, then"
                + " toList, collect, count, sum, reduce, max, min, average, anyMatch, allMatch,"
                + " noneMatch or forEach; or write the loop");
      }
      if (name.equals("limit") || name.equals("skip")) {
        if (!slice(op, loopBody)) {
          return Effects.Effect.failed();
        }
        continue;
      }
      if (name.equals("flatMap")) {
        Optional<Expr> inner = flatSource(op, current, loopBody.innermost());
        if (inner.isEmpty()) {
          return Effects.Effect.failed();
        }
        ListType innerType = (ListType) inner.get().type();
        Local innerList = new Local(body.freshName("flat"), innerType);
        loopBody.innermost().add(new Stmt.Assign(innerList, inner.get(), true, pos));
        Local innerItem = new Local(body.freshName("item"), innerType.element());
        loopBody.nest(innerItem, innerList, body.freshName("stream"));
        current = innerItem;
        continue;
      }
      if (name.equals("sorted") && !op.getArguments().isEmpty()) {
        Optional<SortStage> sorted = sortedBy(op, current, loopBody, item, from);
        if (sorted.isEmpty()) {
          return Effects.Effect.failed();
        }
        item = new Local(body.freshName("item"), current.type());
        from = sorted.get().result();
        loopBody = sorted.get().next();
        current = item;
        continue;
      }
      if (name.equals("sorted") || name.equals("distinct")) {
        // The whole stream so far is needed: its loop ends in a list, which the builtin reorders
        // or thins, and a new loop goes on over the result.
        Optional<Builtin> whole = whole(op, current);
        if (whole.isEmpty()) {
          return Effects.Effect.failed();
        }
        ListType stageType = new ListType(current.type());
        Local stage = accumulator(stageType);
        loopBody.innermost().add(add(stage, current, pos));
        LoopBody next = new LoopBody(pos);
        next.prelude.addAll(loopBody.prelude);
        next.prelude.add(
            new Stmt.Assign(stage, new Expr.ListLiteral(List.of(), stageType), true, pos));
        next.prelude.add(new Stmt.ForEach(loopBody.label, item, from, loopBody.build(), pos));
        Local result = new Local(body.freshName(name), stageType);
        next.prelude.add(
            new Stmt.Assign(
                result, ExpressionTranslator.call(whole.get(), stageType, stage), true, pos));
        item = new Local(body.freshName("item"), current.type());
        from = result;
        loopBody = next;
        current = item;
        continue;
      }
      Optional<Expr> value = lambda(op, current, loopBody.innermost());
      if (value.isEmpty()) {
        return Effects.Effect.failed();
      }
      if (name.equals("filter")) {
        Optional<Expr> kept = condition(op, value.get());
        if (kept.isEmpty()) {
          return Effects.Effect.failed();
        }
        loopBody.keepOnlyIf(kept.get());
      } else {
        Expr mapped = mapped(name, value.get(), op);
        if (mapped == null) {
          return Effects.Effect.failed();
        }
        // Evaluated once, into a local: later steps may read it more than once, and it may call
        // an activity.
        Local step = new Local(body.freshName("mapped"), mapped.type());
        loopBody.innermost().add(new Stmt.Assign(step, mapped, true, pos));
        current = step;
      }
    }
    Loop loop = new Loop(item, from, loopBody, pos);
    if (unwrap.isPresent()) {
      return new OptionalTerminals(loop, current, cast).effect(terminal, unwrap.get());
    }
    return terminal(terminal, loop, current, cast);
  }

  /** The loop a pipeline becomes: each {@code item} of {@code source}, through {@code body}. */
  private record Loop(Local item, Expr source, LoopBody body, SourcePosition pos) {}

  /**
   * The loop's body as it is built: a statement list per {@code filter}, each nested in an {@code
   * if} of the one before once the terminal operation has added its statement.
   */
  private static final class LoopBody {
    private final SourcePosition pos;
    private final List<List<Stmt>> levels = new ArrayList<>(List.of(new ArrayList<>()));
    private final List<java.util.function.Function<Block, Stmt>> wrappers = new ArrayList<>();

    /** The loop's label once a {@code flatMap} nests a loop in it, for a {@code break} to leave. */
    private Optional<String> label = Optional.empty();

    /** What runs once before the loop: the counters of {@code limit} and {@code skip}. */
    private final List<Stmt> prelude = new ArrayList<>();

    LoopBody(SourcePosition pos) {
      this.pos = pos;
    }

    List<Stmt> innermost() {
      return levels.get(levels.size() - 1);
    }

    /** What follows runs only for elements that satisfy {@code condition}. */
    void keepOnlyIf(Expr condition) {
      wrappers.add(b -> new Stmt.If(condition, b, Block.EMPTY, pos));
      levels.add(new ArrayList<>());
    }

    /** What follows runs for each {@code element} of {@code list} ({@code flatMap}). */
    void nest(Local element, Expr list, String loopLabel) {
      if (label.isEmpty()) {
        label = Optional.of(loopLabel);
      }
      wrappers.add(b -> new Stmt.ForEach(Optional.empty(), element, list, b, pos));
      levels.add(new ArrayList<>());
    }

    /** Leaves the whole pipeline's loop, also from inside a {@code flatMap}. */
    Stmt exit() {
      return new Stmt.Break(label, pos);
    }

    Block build() {
      List<Stmt> inner = levels.get(levels.size() - 1);
      for (int i = levels.size() - 2; i >= 0; i--) {
        List<Stmt> outer = new ArrayList<>(levels.get(i));
        outer.add(wrappers.get(i).apply(new Block(inner)));
        inner = outer;
      }
      return new Block(inner);
    }
  }

  private Effects.Effect terminal(
      MethodCallExpr t, Loop loop, Expr current, Optional<IrType.Primitive> cast) {
    LoopBody loopBody = loop.body();
    SourcePosition pos = loop.pos();
    String name = t.getNameAsString();
    IrType type;
    Expr initial;
    Local acc;
    switch (name) {
      case "forEach" -> {
        return eachDone(t, loop, current);
      }
      case "toList" -> {
        return t.getArguments().isEmpty() ? terminalList(loop, current, cast) : wrongArguments(t);
      }
      case "collect" -> {
        Optional<Collector> c = collector(t, current);
        if (c.isEmpty()) {
          return Effects.Effect.failed();
        }
        return c.get().joining ? joined(c.get(), loop, current) : terminalList(loop, current, cast);
      }
      case "reduce" -> {
        if (t.getArguments().size() != 2) {
          return failed(
              t,
              DiagnosticCode.UNSUPPORTED_CALL,
              "reduce here takes an identity and a two-parameter lambda, or one lambda followed"
                  + " by orElse or get",
              "xs.stream().reduce(0, (a, b) -> a + b)");
        }
        type = current.type();
        Optional<Expr> identity = x.translateAs(t.getArgument(0), type);
        if (identity.isEmpty()) {
          return Effects.Effect.failed();
        }
        initial = identity.get();
        acc = accumulator(type);
        Optional<Expr> step = combined(t.getArgument(1), acc, current, loopBody.innermost());
        if (step.isEmpty()) {
          return Effects.Effect.failed();
        }
        loopBody.innermost().add(new Stmt.Assign(acc, step.get(), false, pos));
      }
      case "count" -> {
        type = IrType.LONG;
        initial = new Expr.Literal(0L, IrType.LONG);
        acc = accumulator(type);
        loopBody
            .innermost()
            .add(
                new Stmt.Assign(
                    acc,
                    new Expr.Binary(
                        Expr.BinaryOp.ADD, acc, new Expr.Literal(1L, IrType.LONG), IrType.LONG),
                    false,
                    pos));
      }
      case "sum" -> {
        if (!(current.type() == IrType.INT
            || current.type() == IrType.LONG
            || current.type() == IrType.DOUBLE)) {
          return failed(
              t,
              DiagnosticCode.TYPE_MISMATCH,
              "sum() needs numbers, not '" + current.type().javaName() + "'",
              "map to numbers with mapToInt, mapToLong or mapToDouble first");
        }
        if (current.type() == IrType.DOUBLE) {
          // DoubleStream.sum adds with Kahan compensation, and JDK 17 and 18 finish it differently
          // (JDK-8214761): no plain addition gives its answer on every JVM.
          return failed(
              t,
              DiagnosticCode.UNSUPPORTED_CALL,
              "sum() of doubles compensates for rounding errors in Java, differently from one JDK"
                  + " to the next, so no cloud can give its exact answer",
              "add in a loop (total += x) or with reduce(0.0, Double::sum): plain addition, the"
                  + " same everywhere");
        }
        type = current.type();
        initial =
            type == IrType.INT
                ? Expr.Literal.of(0)
                : type == IrType.LONG
                    ? new Expr.Literal(0L, IrType.LONG)
                    : new Expr.Literal(0.0, IrType.DOUBLE);
        acc = accumulator(type);
        loopBody
            .innermost()
            .add(
                new Stmt.Assign(
                    acc, new Expr.Binary(Expr.BinaryOp.ADD, acc, current, type), false, pos));
      }
      default -> {
        // anyMatch, allMatch, noneMatch: stop at the first element that decides.
        Optional<Expr> test =
            lambda(t, current, loopBody.innermost()).flatMap(v -> condition(t, v));
        if (test.isEmpty()) {
          return Effects.Effect.failed();
        }
        boolean any = name.equals("anyMatch");
        type = IrType.BOOLEAN;
        initial = Expr.Literal.of(!any);
        acc = accumulator(type);
        Expr decides =
            name.equals("allMatch")
                ? new Expr.Unary(Expr.UnaryOp.NOT, test.get(), IrType.BOOLEAN)
                : test.get();
        loopBody
            .innermost()
            .add(
                new Stmt.If(
                    decides,
                    new Block(
                        List.of(
                            new Stmt.Assign(acc, Expr.Literal.of(any), false, pos),
                            loopBody.exit())),
                    Block.EMPTY,
                    pos));
      }
    }
    return emit(
        cast.isPresent() ? cast.get() : type, handedOver(type, acc, cast), acc, initial, loop);
  }

  private Effects.Effect terminalList(Loop loop, Expr current, Optional<IrType.Primitive> cast) {
    ListType type = new ListType(current.type());
    Local acc = accumulator(type);
    loop.body().innermost().add(add(acc, current, loop.pos()));
    return emit(
        type, handedOver(type, acc, cast), acc, new Expr.ListLiteral(List.of(), type), loop);
  }

  /**
   * {@code forEach(x -> statement)}: the lambda's body runs as a statement for each element (an
   * activity call, {@code log.add(x)}, ...); the pipeline has no value.
   */
  private Effects.Effect eachDone(MethodCallExpr t, Loop loop, Expr current) {
    if (t.getArguments().size() != 1) {
      return wrongArguments(t);
    }
    Expression fn = t.getArgument(0);
    List<Stmt> out = loop.body().innermost();
    SourcePosition pos = x.unit().at(fn);
    x.scope().push();
    try {
      if (fn instanceof LambdaExpr l
          && l.getParameters().size() == 1
          && l.getBody() instanceof ExpressionStmt es) {
        Local p = bind(l.getParameter(0).getNameAsString(), current, out, pos);
        body.expressionStatement(es.getExpression(), out);
      } else if (fn instanceof MethodReferenceExpr r) {
        Local p = bind(body.freshName("element"), current, out, pos);
        body.expressionStatement(referenceCall(r, p), out);
      } else {
        return failed(
            fn,
            DiagnosticCode.INVALID_LAMBDA,
            "forEach here takes a one-parameter lambda with an expression body, or a method"
                + " reference",
            "items.forEach(item -> act.send(item)), or items.forEach(act::send)");
      }
    } finally {
      x.scope().pop();
    }
    List<Stmt> statements = new ArrayList<>(loop.body().prelude);
    statements.add(
        new Stmt.ForEach(
            loop.body().label, loop.item(), loop.source(), loop.body().build(), loop.pos()));
    return new Effects.Effect(IrType.VOID, (target, declare) -> statements);
  }

  /**
   * {@code sorted()} of strings or numbers, or {@code distinct()}, as the builtin over the whole
   * stream so far.
   */
  private Optional<Builtin> whole(MethodCallExpr op, Expr current) {
    if (!op.getArguments().isEmpty()) {
      failed(
          op.getName(),
          DiagnosticCode.UNSUPPORTED_CALL,
          "'" + op.getNameAsString() + "' with a comparator is not supported in workflow code",
          "map to the key, sort, then look the items up; or sort in an activity");
      return Optional.empty();
    }
    if (op.getNameAsString().equals("distinct")) {
      return Optional.of(Builtin.LIST_DISTINCT);
    }
    if (!(current.type().equals(IrType.STRING) || current.type().isNumeric())) {
      failed(
          op.getName(),
          DiagnosticCode.TYPE_MISMATCH,
          "sorted() here sorts strings and numbers, not '" + current.type().javaName() + "'",
          "map to the key first, or sort in an activity");
      return Optional.empty();
    }
    return Optional.of(Builtin.LIST_SORTED);
  }

  /**
   * {@code limit(n)} and {@code skip(n)}: a counter of the elements that reach this step, counted
   * before the loop; {@code limit} leaves the loop once {@code n} went through.
   */
  private boolean slice(MethodCallExpr op, LoopBody loopBody) {
    if (op.getArguments().size() != 1) {
      wrongArguments(op);
      return false;
    }
    Optional<Expr> n = x.translateAs(op.getArgument(0), IrType.LONG);
    if (n.isEmpty()) {
      return false;
    }
    SourcePosition pos = x.unit().at(op);
    boolean limit = op.getNameAsString().equals("limit");
    Local bound = new Local(body.freshName(limit ? "limit" : "skip"), IrType.LONG);
    Local seen = new Local(body.freshName(limit ? "taken" : "seen"), IrType.LONG);
    loopBody.prelude.add(new Stmt.Assign(bound, n.get(), true, pos));
    loopBody.prelude.add(new Stmt.Assign(seen, new Expr.Literal(0L, IrType.LONG), true, pos));
    Stmt count =
        new Stmt.Assign(
            seen,
            new Expr.Binary(
                Expr.BinaryOp.ADD, seen, new Expr.Literal(1L, IrType.LONG), IrType.LONG),
            false,
            pos);
    if (limit) {
      loopBody
          .innermost()
          .add(
              new Stmt.If(
                  new Expr.Binary(Expr.BinaryOp.GREATER_EQUAL, seen, bound, IrType.BOOLEAN),
                  new Block(List.of(loopBody.exit())),
                  Block.EMPTY,
                  pos));
      loopBody.innermost().add(count);
    } else {
      loopBody.innermost().add(count);
      loopBody.keepOnlyIf(new Expr.Binary(Expr.BinaryOp.GREATER, seen, bound, IrType.BOOLEAN));
    }
    return true;
  }

  /** {@code Collectors.joining(sep, prefix, suffix)}: the kept strings, joined. */
  private Effects.Effect joined(Collector c, Loop loop, Expr current) {
    ListType parts = new ListType(IrType.STRING);
    Local acc = accumulator(parts);
    loop.body()
        .innermost()
        .add(
            add(
                acc,
                ExpressionTranslator.call(Builtin.STRING_VALUE_OF, IrType.STRING, current),
                loop.pos()));
    Expr joinedText =
        new Expr.Concat(
            List.of(
                c.prefix,
                ExpressionTranslator.call(Builtin.STRING_JOIN, IrType.STRING, c.separator, acc),
                c.suffix));
    return emit(IrType.STRING, joinedText, acc, new Expr.ListLiteral(List.of(), parts), loop);
  }

  /**
   * The accumulated value as the pipeline's result: a list as a copy (the accumulator is built anew
   * on each run of an enclosing loop, which the aliasing check cannot tell from changing a shared
   * list), a number converted by the cast around the pipeline.
   */
  private static Expr handedOver(IrType type, Local acc, Optional<IrType.Primitive> cast) {
    return type instanceof ListType
        ? ExpressionTranslator.call(Builtin.NEW_LIST, type, acc)
        : cast.map(to -> ExpressionTranslator.numericConvert(acc, to)).orElse(acc);
  }

  /**
   * Builds {@code acc} from {@code initial} in a loop over {@code source}, then assigns {@code
   * result} to the target. The result builds up in a temporary: the target may be the very list
   * being streamed.
   */
  private static Effects.Effect emit(
      IrType resultType, Expr result, Local acc, Expr initial, Loop loop) {
    SourcePosition pos = loop.pos();
    List<Stmt> statements = new ArrayList<>(loop.body().prelude);
    statements.add(new Stmt.Assign(acc, initial, true, pos));
    statements.add(
        new Stmt.ForEach(loop.body().label, loop.item(), loop.source(), loop.body().build(), pos));
    return new Effects.Effect(
        resultType,
        (target, declare) -> {
          List<Stmt> out = new ArrayList<>(statements);
          target.ifPresent(t -> out.add(new Stmt.Assign(t, result, declare, pos)));
          return out;
        });
  }

  private record Collector(boolean joining, Expr separator, Expr prefix, Expr suffix) {}

  private Optional<Collector> collector(MethodCallExpr collect, Expr current) {
    if (collect.getArguments().size() == 1
        && collect.getArgument(0) instanceof MethodCallExpr c
        && c.getScope().flatMap(x::typeName).filter(COLLECTORS::equals).isPresent()) {
      if (c.getNameAsString().equals("toList") && c.getArguments().isEmpty()) {
        return Optional.of(new Collector(false, null, null, null));
      }
      if (c.getNameAsString().equals("joining") && c.getArguments().size() <= 3) {
        if (current.type() != IrType.STRING) {
          failed(
              c,
              DiagnosticCode.TYPE_MISMATCH,
              "Collectors.joining needs strings, not '" + current.type().javaName() + "'",
              "map the elements to strings first");
          return Optional.empty();
        }
        List<Expr> texts = new ArrayList<>();
        for (Expression a : c.getArguments()) {
          Optional<Expr> t = x.translateAs(a, IrType.STRING);
          if (t.isEmpty()) {
            return Optional.empty();
          }
          texts.add(t.get());
        }
        Expr empty = Expr.Literal.of("");
        return Optional.of(
            new Collector(
                true,
                texts.isEmpty() ? empty : texts.get(0),
                texts.size() == 3 ? texts.get(1) : empty,
                texts.size() == 3 ? texts.get(2) : empty));
      }
    }
    failed(
        collect,
        DiagnosticCode.UNSUPPORTED_CALL,
        "this collector is not supported in workflow code",
        "use Collectors.toList() or Collectors.joining(...), or write the loop");
    return Optional.empty();
  }

  /**
   * The value of the lambda (or method reference) argument of {@code op} applied to {@code
   * current}: its parameter becomes a local holding {@code current}.
   */
  private Optional<Expr> lambda(MethodCallExpr op, Expr current, List<Stmt> out) {
    if (op.getArguments().size() != 1) {
      wrongArguments(op);
      return Optional.empty();
    }
    return applied(
        op.getArgument(0), current, out, "a stream operation", "x -> x.name(), or Item::name");
  }

  /**
   * {@code fn}, a one-parameter lambda with an expression body or a method reference, applied to
   * {@code current}; else an {@code INVALID_LAMBDA} naming {@code what} takes it, with {@code
   * example}.
   */
  private Optional<Expr> applied(
      Expression fn, Expr current, List<Stmt> out, String what, String example) {
    SourcePosition pos = x.unit().at(fn);
    if (fn instanceof LambdaExpr l
        && l.getParameters().size() == 1
        && l.getBody() instanceof ExpressionStmt es) {
      x.scope().push();
      try {
        bind(l.getParameter(0).getNameAsString(), current, out, pos);
        return x.translate(es.getExpression(), Optional.empty());
      } finally {
        x.scope().pop();
      }
    }
    if (fn instanceof MethodReferenceExpr r) {
      return reference(r, current, out, pos);
    }
    failed(
        fn,
        DiagnosticCode.INVALID_LAMBDA,
        what + " here takes a one-parameter lambda with an expression body, or a method reference",
        example);
    return Optional.empty();
  }

  /**
   * {@code Item::name} as {@code x -> x.name()} when the element has that method, else {@code
   * Integer::parseInt} as {@code x -> Integer.parseInt(x)}.
   */
  private Optional<Expr> reference(
      MethodReferenceExpr r, Expr current, List<Stmt> out, SourcePosition pos) {
    x.scope().push();
    try {
      Local p = bind(body.freshName("element"), current, out, pos);
      return x.translate(referenceCall(r, p), Optional.empty());
    } finally {
      x.scope().pop();
    }
  }

  /**
   * The call a method reference means on the local {@code p}: {@code Item::name} as {@code
   * p.name()} when the element has that method, else {@code Integer::parseInt} or {@code act::send}
   * as {@code Integer.parseInt(p)} or {@code act.send(p)}.
   */
  private MethodCallExpr referenceCall(MethodReferenceExpr r, Local p) {
    // The scope as an expression (Integer, java.lang.String, act), as a call's scope reads.
    Expression scope = StaticJavaParser.parseExpression(r.getScope().toString());
    placeAt(scope, r);
    boolean instance =
        p.type() instanceof IrType.RecordType record
                && record.component(r.getIdentifier()).isPresent()
            || p.type().equals(IrType.STRING)
                && x.typeName(scope).filter("java.lang.String"::equals).isPresent()
                && !r.getIdentifier().equals("valueOf");
    MethodCallExpr call =
        instance
            ? new MethodCallExpr(new NameExpr(p.name()), r.getIdentifier())
            : new MethodCallExpr(scope, r.getIdentifier(), new NodeList<>(new NameExpr(p.name())));
    placeAt(call, r);
    call.setParentNode(r.getParentNode().orElse(null));
    return call;
  }

  /** Declares a lambda's parameter in the current scope, holding {@code current}. */
  private Local bind(String name, Expr current, List<Stmt> out, SourcePosition pos) {
    Local p = x.scope().declare(name, current.type());
    out.add(new Stmt.Assign(p, current, true, pos));
    return p;
  }

  private static void placeAt(Node generated, Node original) {
    original.getRange().ifPresent(range -> generated.walk(n -> n.setRange(range)));
  }

  private Optional<Expr> condition(MethodCallExpr op, Expr value) {
    if (value.type() != IrType.BOOLEAN) {
      failed(
          op.getArgument(0),
          DiagnosticCode.TYPE_MISMATCH,
          "'" + op.getNameAsString() + "' needs a boolean, not '" + value.type().javaName() + "'",
          "");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private Expr mapped(String name, Expr value, MethodCallExpr op) {
    IrType wanted =
        switch (name) {
          case "mapToInt" -> IrType.INT;
          case "mapToLong" -> IrType.LONG;
          case "mapToDouble" -> IrType.DOUBLE;
          default -> null;
        };
    if (wanted == null || value.type() == wanted) {
      return value;
    }
    if (value.type().isNumeric()) {
      return ExpressionTranslator.numericConvert(value, (IrType.Primitive) wanted);
    }
    failed(
        op.getArgument(0),
        DiagnosticCode.TYPE_MISMATCH,
        "'" + name + "' needs a number, not '" + value.type().javaName() + "'",
        "");
    return null;
  }

  private Local accumulator(IrType type) {
    return new Local(body.freshName("collected"), type);
  }

  private static Stmt add(Local list, Expr value, SourcePosition pos) {
    return new Stmt.Assign(
        list,
        ExpressionTranslator.call(Builtin.LIST_WITH_ADDED, list.type(), list, value),
        false,
        pos);
  }

  private Effects.Effect wrongArguments(MethodCallExpr m) {
    return failed(
        m,
        DiagnosticCode.UNSUPPORTED_CALL,
        "wrong number of arguments for stream operation '" + m.getNameAsString() + "'",
        "");
  }

  private Effects.Effect failed(Node at, DiagnosticCode code, String message, String hint) {
    context.error(x.unit(), at, code, message, hint);
    return Effects.Effect.failed();
  }

  /** A {@code sorted(comparator)} stage: its sorted list, and the loop that goes on over it. */
  private record SortStage(Local result, LoopBody next) {}

  /**
   * {@code sorted(comparator)}: the loop so far ends in a list of the elements and a list of each
   * key, which {@link Builtin#LIST_SORTED_BY} orders stably, and a new loop goes on over the
   * result.
   */
  private Optional<SortStage> sortedBy(
      MethodCallExpr op, Expr current, LoopBody loopBody, Local item, Expr from) {
    if (op.getArguments().size() != 1) {
      wrongArguments(op);
      return Optional.empty();
    }
    Optional<List<Comparators.Key>> keys = new Comparators(context, x).keys(op.getArgument(0));
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    Optional<List<Expr>> values = keyValues(keys.get(), current, loopBody.innermost(), op);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    SourcePosition pos = x.unit().at(op);
    ListType stageType = new ListType(current.type());
    Local stage = accumulator(stageType);
    loopBody.innermost().add(add(stage, current, pos));
    List<Local> keyLists = new ArrayList<>();
    for (Expr v : values.get()) {
      Local list = new Local(body.freshName("keys"), new ListType(v.type()));
      loopBody.innermost().add(add(list, v, pos));
      keyLists.add(list);
    }
    LoopBody next = new LoopBody(pos);
    next.prelude.addAll(loopBody.prelude);
    next.prelude.add(new Stmt.Assign(stage, new Expr.ListLiteral(List.of(), stageType), true, pos));
    for (Local list : keyLists) {
      next.prelude.add(
          new Stmt.Assign(
              list, new Expr.ListLiteral(List.of(), (ListType) list.type()), true, pos));
    }
    next.prelude.add(new Stmt.ForEach(loopBody.label, item, from, loopBody.build(), pos));
    List<Expr> args = new ArrayList<>(List.of(stage));
    args.addAll(keyLists);
    StringBuilder directions = new StringBuilder();
    keys.get().forEach(k -> directions.append(k.descending() ? '-' : '+'));
    args.add(Expr.Literal.of(directions.toString()));
    Local result = new Local(body.freshName("sorted"), stageType);
    next.prelude.add(
        new Stmt.Assign(result, new Expr.Call(Builtin.LIST_SORTED_BY, args, stageType), true, pos));
    return Optional.of(new SortStage(result, next));
  }

  /**
   * Each key of {@code current}, computed once into a local: strings or numbers, and no activity
   * calls (Java calls a comparator's key function once per comparison, a number of times that
   * depends on its sorting algorithm).
   */
  private Optional<List<Expr>> keyValues(
      List<Comparators.Key> keys, Expr current, List<Stmt> out, Node op) {
    List<Expr> values = new ArrayList<>();
    for (Comparators.Key k : keys) {
      Expression at = k.extractor().orElse(null);
      Optional<Expr> v =
          k.extractor().isEmpty()
              ? Optional.of(current)
              : lambdaValue(k.extractor().get(), current, out);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      if (!(v.get().type().equals(IrType.STRING) || v.get().type().isNumeric())) {
        failed(
            at == null ? op : at,
            DiagnosticCode.TYPE_MISMATCH,
            "a comparator here compares strings or numbers, not '"
                + v.get().type().javaName()
                + "'",
            "compare by a string or number component, e.g. Comparator.comparing(Item::name)");
        return Optional.empty();
      }
      if (at != null && callsOut(v.get())) {
        failed(
            at,
            DiagnosticCode.INVALID_LAMBDA,
            "a comparator's key may not call an activity or a child workflow: Java calls it once"
                + " per comparison",
            "compute the keys first: map each item to a record with its key, then sort by it");
        return Optional.empty();
      }
      Local key = new Local(body.freshName("key"), v.get().type());
      out.add(new Stmt.Assign(key, v.get(), true, x.unit().at(at == null ? op : at)));
      values.add(key);
    }
    return Optional.of(values);
  }

  private static boolean callsOut(Expr e) {
    return e instanceof Expr.ActivityCall
        || e instanceof Expr.ChildCall
        || e.children().stream().anyMatch(Streams::callsOut);
  }

  /**
   * Whether the element with keys {@code a} comes strictly after the one with keys {@code b} in the
   * order of {@code keys}.
   */
  private static Expr after(List<Expr> a, List<Expr> b, List<Comparators.Key> keys) {
    Expr out = null;
    for (int j = keys.size() - 1; j >= 0; j--) {
      Expr beyond = keys.get(j).descending() ? less(a.get(j), b.get(j)) : less(b.get(j), a.get(j));
      out =
          out == null
              ? beyond
              : new Expr.Conditional(
                  new Expr.Unary(
                      Expr.UnaryOp.NOT,
                      ExpressionTranslator.call(Builtin.EQUALS, IrType.BOOLEAN, a.get(j), b.get(j)),
                      IrType.BOOLEAN),
                  beyond,
                  out,
                  IrType.BOOLEAN);
    }
    return out;
  }

  private static Expr less(Expr a, Expr b) {
    return ExpressionTranslator.call(Builtin.NATURAL_LESS, IrType.BOOLEAN, a, b);
  }

  /** {@code flatMap(x -> x.list().stream())} or {@code flatMap(List::stream)}: the inner list. */
  private Optional<Expr> flatSource(MethodCallExpr op, Expr current, List<Stmt> out) {
    if (op.getArguments().size() != 1) {
      wrongArguments(op);
      return Optional.empty();
    }
    Expression fn = op.getArgument(0);
    if (fn instanceof MethodReferenceExpr r
        && r.getIdentifier().equals("stream")
        && current.type() instanceof ListType) {
      return Optional.of(current);
    }
    if (fn instanceof LambdaExpr l
        && l.getParameters().size() == 1
        && l.getBody() instanceof ExpressionStmt es
        && es.getExpression() instanceof MethodCallExpr s
        && s.getNameAsString().equals("stream")
        && s.getArguments().isEmpty()
        && s.getScope().isPresent()) {
      Optional<Expr> list;
      x.scope().push();
      try {
        bind(l.getParameter(0).getNameAsString(), current, out, x.unit().at(fn));
        list = x.translate(s.getScope().get(), Optional.empty());
      } finally {
        x.scope().pop();
      }
      if (list.isPresent() && !(list.get().type() instanceof ListType)) {
        failed(
            s,
            DiagnosticCode.UNSUPPORTED_CALL,
            "'stream()' of '" + list.get().type().javaName() + "': streams work on lists here",
            "stream a List");
        return Optional.empty();
      }
      return list;
    }
    failed(
        fn,
        DiagnosticCode.INVALID_LAMBDA,
        "flatMap here takes a lambda that streams a list, or List::stream",
        "order -> order.lines().stream()");
    return Optional.empty();
  }

  /**
   * The value of a two-parameter lambda ({@code (a, b) -> a + b}) or of {@code Integer::sum},
   * {@code Math::max}... applied to {@code a} and {@code b}, as {@code a}'s type.
   */
  private Optional<Expr> combined(Expression fn, Local a, Expr b, List<Stmt> out) {
    SourcePosition pos = x.unit().at(fn);
    Optional<Expr> value;
    if (fn instanceof LambdaExpr l
        && l.getParameters().size() == 2
        && l.getBody() instanceof ExpressionStmt es) {
      x.scope().push();
      try {
        bind(l.getParameter(0).getNameAsString(), a, out, pos);
        bind(l.getParameter(1).getNameAsString(), b, out, pos);
        value = x.translate(es.getExpression(), Optional.empty());
      } finally {
        x.scope().pop();
      }
    } else if (fn instanceof MethodReferenceExpr r
        && x.typeName(StaticJavaParser.parseExpression(r.getScope().toString()))
            .filter(NUMBER_TYPES::contains)
            .isPresent()
        && a.type().isNumeric()
        && Set.of("sum", "max", "min").contains(r.getIdentifier())) {
      value =
          Optional.of(
              switch (r.getIdentifier()) {
                case "sum" -> new Expr.Binary(Expr.BinaryOp.ADD, a, b, a.type());
                case "max" -> ExpressionTranslator.call(Builtin.MATH_MAX, a.type(), a, b);
                default -> ExpressionTranslator.call(Builtin.MATH_MIN, a.type(), a, b);
              });
    } else {
      failed(
          fn,
          DiagnosticCode.INVALID_LAMBDA,
          "reduce here takes a two-parameter lambda with an expression body, or Integer::sum,"
              + " Math::max, Math::min",
          "(a, b) -> a + b");
      return Optional.empty();
    }
    if (value.isEmpty() || value.get().type().equals(a.type())) {
      return value;
    }
    if (value.get().type().isNumeric() && a.type().isNumeric()) {
      return Optional.of(
          ExpressionTranslator.numericConvert(value.get(), (IrType.Primitive) a.type()));
    }
    failed(
        fn,
        DiagnosticCode.TYPE_MISMATCH,
        "reduce's lambda gives '"
            + value.get().type().javaName()
            + "', not the stream's '"
            + a.type().javaName()
            + "'",
        "");
    return Optional.empty();
  }

  private static final Set<String> NUMBER_TYPES =
      Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Math");

  /** A value of {@code type} to start a local with before the loop sets it. */
  private static Expr initialValue(IrType type) {
    if (type == IrType.INT) {
      return Expr.Literal.of(0);
    }
    if (type == IrType.LONG) {
      return new Expr.Literal(0L, IrType.LONG);
    }
    if (type == IrType.DOUBLE) {
      return new Expr.Literal(0.0, IrType.DOUBLE);
    }
    if (type == IrType.BOOLEAN) {
      return Expr.Literal.of(false);
    }
    if (type.equals(IrType.STRING)) {
      // Not null: a comparison with it must not fail where and/or do not short-circuit.
      return Expr.Literal.of("");
    }
    return new Expr.Literal(null, type);
  }

  /**
   * The terminal operations whose result is an {@code Optional} ({@code max}, {@code min}, {@code
   * average}, {@code reduce} without identity), with how it is unwrapped: {@code orElse(other)}, or
   * {@code get()}/{@code getAsInt()}/{@code orElseThrow()}, which throw {@code
   * NoSuchElementException} when the stream is empty.
   */
  private final class OptionalTerminals {
    private final Loop loop;
    private final Expr current;
    private final Optional<IrType.Primitive> cast;
    private final SourcePosition pos;
    private final List<Stmt> inits = new ArrayList<>();

    OptionalTerminals(Loop loop, Expr current, Optional<IrType.Primitive> cast) {
      this.loop = loop;
      this.current = current;
      this.cast = cast;
      this.pos = loop.pos();
    }

    Effects.Effect effect(MethodCallExpr t, MethodCallExpr unwrap) {
      Local found = local("found", IrType.BOOLEAN);
      List<Stmt> each = loop.body().innermost();
      Expr value;
      switch (t.getNameAsString()) {
        case "average" -> {
          if (!(current.type() == IrType.INT || current.type() == IrType.LONG)) {
            return failed(
                t,
                DiagnosticCode.UNSUPPORTED_CALL,
                "average() here averages ints and longs, not '"
                    + current.type().javaName()
                    + "': Java's DoubleStream.average compensates for rounding errors",
                "average in an activity, or divide sum() by count() if plain addition will do");
          }
          if (!t.getArguments().isEmpty()) {
            return wrongArguments(t);
          }
          Local sum = local("sum", IrType.LONG);
          Local count = local("count", IrType.LONG);
          each.add(
              new Stmt.Assign(
                  sum,
                  new Expr.Binary(
                      Expr.BinaryOp.ADD,
                      sum,
                      ExpressionTranslator.numericConvert(current, IrType.LONG),
                      IrType.LONG),
                  false,
                  pos));
          each.add(
              new Stmt.Assign(
                  count,
                  new Expr.Binary(
                      Expr.BinaryOp.ADD, count, new Expr.Literal(1L, IrType.LONG), IrType.LONG),
                  false,
                  pos));
          each.add(new Stmt.Assign(found, Expr.Literal.of(true), false, pos));
          value =
              new Expr.Binary(
                  Expr.BinaryOp.DIVIDE,
                  ExpressionTranslator.numericConvert(sum, IrType.DOUBLE),
                  ExpressionTranslator.numericConvert(count, IrType.DOUBLE),
                  IrType.DOUBLE);
        }
        case "reduce" -> {
          if (t.getArguments().size() != 1) {
            return wrongArguments(t);
          }
          Local acc = local("reduced", current.type());
          List<Stmt> next = new ArrayList<>();
          Optional<Expr> step = combined(t.getArgument(0), acc, current, next);
          if (step.isEmpty()) {
            return Effects.Effect.failed();
          }
          next.add(new Stmt.Assign(acc, step.get(), false, pos));
          Block first =
              new Block(
                  List.of(
                      new Stmt.Assign(acc, current, false, pos),
                      new Stmt.Assign(found, Expr.Literal.of(true), false, pos)));
          each.add(new Stmt.If(found, new Block(next), first, pos));
          value = acc;
        }
        default -> {
          // max, min: the first of the greatest (least) elements, as BinaryOperator.maxBy keeps.
          Optional<List<Comparators.Key>> keys;
          if (t.getArguments().isEmpty() && current.type().isNumeric()) {
            keys = Optional.of(List.of(new Comparators.Key(Optional.empty(), false)));
          } else if (t.getArguments().size() == 1) {
            keys = new Comparators(context, x).keys(t.getArgument(0));
          } else {
            return wrongArguments(t);
          }
          Optional<List<Expr>> mine = keys.flatMap(k -> keyValues(k, current, each, t));
          if (mine.isEmpty()) {
            return Effects.Effect.failed();
          }
          Local best = local(t.getNameAsString(), current.type());
          List<Expr> bestKeys = new ArrayList<>();
          List<Stmt> take = new ArrayList<>(List.of(new Stmt.Assign(best, current, false, pos)));
          for (Expr k : mine.get()) {
            Local b = local("bestKey", k.type());
            bestKeys.add(b);
            take.add(new Stmt.Assign(b, k, false, pos));
          }
          take.add(new Stmt.Assign(found, Expr.Literal.of(true), false, pos));
          Expr beats =
              t.getNameAsString().equals("max")
                  ? after(mine.get(), bestKeys, keys.get())
                  : after(bestKeys, mine.get(), keys.get());
          Expr replace =
              new Expr.Binary(
                  Expr.BinaryOp.OR,
                  new Expr.Unary(Expr.UnaryOp.NOT, found, IrType.BOOLEAN),
                  beats,
                  IrType.BOOLEAN);
          each.add(new Stmt.If(replace, new Block(take), Block.EMPTY, pos));
          value = best;
        }
      }
      return unwrapped(unwrap, found, value);
    }

    private Effects.Effect unwrapped(MethodCallExpr unwrap, Local found, Expr value) {
      IrType type = value.type();
      Local result = new Local(body.freshName("value"), type);
      List<Stmt> after = new ArrayList<>();
      if (unwrap.getNameAsString().equals("orElse")) {
        if (unwrap.getArguments().size() != 1) {
          return wrongArguments(unwrap);
        }
        // Java evaluates orElse's argument whether or not the stream was empty.
        Optional<Expr> other = x.translateAs(unwrap.getArgument(0), type);
        if (other.isEmpty()) {
          return Effects.Effect.failed();
        }
        Local otherLocal = new Local(body.freshName("orElse"), type);
        after.add(new Stmt.Assign(otherLocal, other.get(), true, pos));
        after.add(new Stmt.Declare(result, pos));
        after.add(
            new Stmt.If(
                found,
                new Block(List.of(new Stmt.Assign(result, value, false, pos))),
                new Block(List.of(new Stmt.Assign(result, otherLocal, false, pos))),
                pos));
      } else {
        if (!unwrap.getArguments().isEmpty()) {
          return failed(
              unwrap,
              DiagnosticCode.UNSUPPORTED_CALL,
              "'" + unwrap.getNameAsString() + "' with an argument is not supported here",
              "use orElse(value), or orElseThrow() for NoSuchElementException");
        }
        after.add(
            new Stmt.If(
                new Expr.Unary(Expr.UnaryOp.NOT, found, IrType.BOOLEAN),
                new Block(
                    List.of(
                        new Stmt.Fail(
                            Expr.Literal.of("java.util.NoSuchElementException"),
                            Expr.Literal.of("No value present"),
                            pos))),
                Block.EMPTY,
                pos));
        after.add(new Stmt.Assign(result, value, true, pos));
      }
      Expr handed =
          cast.<Expr>map(to -> ExpressionTranslator.numericConvert(result, to)).orElse(result);
      List<Stmt> statements = new ArrayList<>(loop.body().prelude);
      statements.addAll(inits);
      statements.add(
          new Stmt.ForEach(
              loop.body().label, loop.item(), loop.source(), loop.body().build(), pos));
      statements.addAll(after);
      IrType resultType = cast.isPresent() ? cast.get() : type;
      return new Effects.Effect(
          resultType,
          (target, declare) -> {
            List<Stmt> out = new ArrayList<>(statements);
            target.ifPresent(tg -> out.add(new Stmt.Assign(tg, handed, declare, pos)));
            return out;
          });
    }

    /** A local set before the loop to a placeholder of its type. */
    private Local local(String name, IrType type) {
      Local l = new Local(body.freshName(name), type);
      inits.add(new Stmt.Assign(l, initialValue(type), true, pos));
      return l;
    }
  }

  /**
   * The value of the lambda (or method reference) {@code fn} applied to {@code current}: its
   * parameter becomes a local holding {@code current}.
   */
  private Optional<Expr> lambdaValue(Expression fn, Expr current, List<Stmt> out) {
    return applied(fn, current, out, "a comparator", "Comparator.comparing(Item::score)");
  }
}
