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
      Set.of("toList", "collect", "count", "sum", "anyMatch", "allMatch", "noneMatch", "forEach");
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
          "distinct");
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
      if (!INTERMEDIATE.contains(name) && !TERMINALS.contains(name)) {
        return Optional.of(name);
      }
      at = next;
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
  Effects.Effect effect(MethodCallExpr terminal, Optional<IrType.Primitive> cast) {
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
            "use filter, map, mapToInt/Long/Double, limit, skip, distinct, sorted, then toList,"
                + " collect, count, sum, anyMatch, allMatch, noneMatch or forEach; or write the"
                + " loop");
      }
      if (name.equals("limit") || name.equals("skip")) {
        if (!slice(op, loopBody)) {
          return Effects.Effect.failed();
        }
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
        next.prelude.add(new Stmt.ForEach(Optional.empty(), item, from, loopBody.build(), pos));
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
    return terminal(terminal, new Loop(item, from, loopBody, pos), current, cast);
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
    private final List<Expr> conditions = new ArrayList<>();

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
      conditions.add(condition);
      levels.add(new ArrayList<>());
    }

    Block build() {
      List<Stmt> inner = levels.get(levels.size() - 1);
      for (int i = levels.size() - 2; i >= 0; i--) {
        List<Stmt> outer = new ArrayList<>(levels.get(i));
        outer.add(new Stmt.If(conditions.get(i), new Block(inner), Block.EMPTY, pos));
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
                            new Stmt.Break(Optional.empty(), pos))),
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
            Optional.empty(), loop.item(), loop.source(), loop.body().build(), loop.pos()));
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
                  new Block(List.of(new Stmt.Break(Optional.empty(), pos))),
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
        new Stmt.ForEach(Optional.empty(), loop.item(), loop.source(), loop.body().build(), pos));
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
    Expression fn = op.getArgument(0);
    SourcePosition pos = x.unit().at(fn);
    if (fn instanceof LambdaExpr l
        && l.getParameters().size() == 1
        && l.getBody() instanceof ExpressionStmt es) {
      x.scope().push();
      try {
        Local p = bind(l.getParameter(0).getNameAsString(), current, out, pos);
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
        "a stream operation here takes a one-parameter lambda with an expression body, or a"
            + " method reference",
        "x -> x.name(), or Item::name");
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
}
