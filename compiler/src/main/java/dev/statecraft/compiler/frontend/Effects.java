package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.SourcePosition;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Expr.Local;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.IrType.ListType;
import dev.statecraft.compiler.ir.IrType.RecordType;
import dev.statecraft.compiler.ir.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Right-hand sides with durable effects, which become statements of their own: {@code
 * Durable.sleep}, {@code map}, {@code parallel} and {@code awaitCallback}, child workflow calls
 * ({@code new Child().run(x)}), switch expressions and stream pipelines ({@link Streams}). They may
 * stand as a statement, initialize a local, be assigned to one, or be returned; anywhere else they
 * are {@code MISPLACED_DURABLE_CALL}.
 */
final class Effects {
  private static final String DURABLE = SourceContext.API + "Durable";
  private static final Set<String> DURABLE_EFFECTS =
      Set.of("sleep", "map", "parallel", "awaitCallback");

  /** Whether {@code Durable.name(...)} is an effect, which only a statement may hold. */
  static boolean isEffect(String name) {
    return DURABLE_EFFECTS.contains(name);
  }

  /**
   * A recognized effect: its result type and how to emit it into a target.
   *
   * @param type the value it produces ({@link IrType#VOID} for sleep)
   * @param emit the statements, given the local that receives the value and whether the statements
   *     declare it
   */
  record Effect(IrType type, BiFunction<Optional<Local>, Boolean, List<Stmt>> emit) {
    static Effect failed() {
      return new Effect(IrType.NULL, (t, d) -> List.of());
    }
  }

  private final SourceContext context;
  private final ExpressionTranslator x;
  private final BodyTranslator body;

  Effects(SourceContext context, ExpressionTranslator x, BodyTranslator body) {
    this.context = context;
    this.x = x;
    this.body = body;
  }

  /** The effect {@code value} stands for, or empty when it is an ordinary expression. */
  Optional<Effect> of(Expression value, Optional<IrType> expected) {
    if (value instanceof SwitchExpr s) {
      return Optional.of(new SwitchTranslator(context, x, body).expression(s, expected));
    }
    if (value instanceof MethodCallExpr pipeline && Streams.isPipeline(pipeline)) {
      return Optional.of(new Streams(context, x, body).effect(pipeline, Optional.empty()));
    }
    if (value instanceof CastExpr cast
        && cast.getType() instanceof com.github.javaparser.ast.type.PrimitiveType
        && unwrapped(cast.getExpression()) instanceof MethodCallExpr pipeline
        && Streams.isPipeline(pipeline)) {
      Optional<IrType> to = x.types().map(cast.getType(), x.unit());
      if (to.isEmpty() || !to.get().isNumeric()) {
        return Optional.of(Effect.failed());
      }
      return Optional.of(
          new Streams(context, x, body).effect(pipeline, Optional.of((IrType.Primitive) to.get())));
    }
    if (!(value instanceof MethodCallExpr m) || m.getScope().isEmpty()) {
      return Optional.empty();
    }
    Expression scope = m.getScope().get();
    if (scope instanceof ObjectCreationExpr creation) {
      Optional<SourceContext.WorkflowSignature> child =
          context.types().resolve(creation.getType(), x.unit()).map(context.workflows()::get);
      if (child.isPresent()) {
        return Optional.of(child(child.get(), m));
      }
      return Optional.empty();
    }
    Optional<String> type = x.typeName(scope);
    if (type.filter(DURABLE::equals).isEmpty()) {
      return Optional.empty();
    }
    return switch (m.getNameAsString()) {
      case "sleep" -> Optional.of(sleep(m));
      case "map" -> Optional.of(map(m, expected));
      case "parallel" -> Optional.of(parallel(m, expected));
      case "awaitCallback" -> Optional.of(awaitCallback(m));
      default -> Optional.empty();
    };
  }

  private static Expression unwrapped(Expression e) {
    return e instanceof com.github.javaparser.ast.expr.EnclosedExpr en
        ? unwrapped(en.getInner())
        : e;
  }

  private SourcePosition at(Node n) {
    return x.unit().at(n);
  }

  private Effect sleep(MethodCallExpr m) {
    if (m.getArguments().size() != 1) {
      return invalid(m, "Durable.sleep takes one Duration", "Durable.sleep(Duration.ofMinutes(5))");
    }
    Optional<Expr> seconds = seconds(m.getArgument(0));
    if (seconds.isEmpty()) {
      return Effect.failed();
    }
    SourcePosition pos = at(m);
    return new Effect(IrType.VOID, (t, d) -> List.of(new Stmt.Sleep(seconds.get(), pos)));
  }

  /**
   * A {@code Duration.ofX(n)} as whole seconds: {@code ofSeconds}, {@code ofMinutes}, {@code
   * ofHours}, {@code ofDays}, and {@code ofMillis} rounded up.
   */
  Optional<Expr> seconds(Expression duration) {
    if (duration instanceof MethodCallExpr d
        && d.getScope().flatMap(x::typeName).filter("java.time.Duration"::equals).isPresent()
        && d.getArguments().size() == 1) {
      long factor =
          switch (d.getNameAsString()) {
            case "ofSeconds" -> 1;
            case "ofMinutes" -> 60;
            case "ofHours" -> 3600;
            case "ofDays" -> 86400;
            case "ofMillis" -> -1000;
            default -> 0;
          };
      if (factor != 0) {
        Optional<Expr> n = x.translateAs(d.getArgument(0), IrType.LONG);
        if (n.isEmpty()) {
          return Optional.empty();
        }
        if (factor == 1) {
          return n;
        }
        if (n.get() instanceof Expr.Literal l && l.value() instanceof Number v) {
          long seconds = factor < 0 ? (v.longValue() + 999) / 1000 : v.longValue() * factor;
          return Optional.of(new Expr.Literal(seconds, IrType.LONG));
        }
        if (factor < 0) {
          Expr up =
              new Expr.Binary(
                  Expr.BinaryOp.ADD, n.get(), new Expr.Literal(999L, IrType.LONG), IrType.LONG);
          return Optional.of(
              new Expr.Binary(
                  Expr.BinaryOp.DIVIDE, up, new Expr.Literal(1000L, IrType.LONG), IrType.LONG));
        }
        return Optional.of(
            new Expr.Binary(
                Expr.BinaryOp.MULTIPLY,
                n.get(),
                new Expr.Literal(factor, IrType.LONG),
                IrType.LONG));
      }
    }
    context.error(
        x.unit(),
        duration,
        DiagnosticCode.INVALID_DURATION,
        "'" + duration + "' is not a Duration the compiler can read",
        "write Duration.ofSeconds(n), ofMinutes(n), ofHours(n), ofDays(n) or ofMillis(n)");
    return Optional.empty();
  }

  private Effect map(MethodCallExpr m, Optional<IrType> expected) {
    int args = m.getArguments().size();
    if (args != 2 && args != 3) {
      return invalid(
          m,
          "Durable.map takes items, an optional concurrency limit and a lambda",
          "Durable.map(items, 5, item -> act.process(item))");
    }
    Optional<Expr> items = x.translate(m.getArgument(0), Optional.empty());
    if (items.isEmpty()) {
      return Effect.failed();
    }
    if (!(items.get().type() instanceof ListType list)) {
      context.error(
          x.unit(),
          m.getArgument(0),
          DiagnosticCode.TYPE_MISMATCH,
          "Durable.map needs a List, not '" + items.get().type().javaName() + "'",
          "");
      return Effect.failed();
    }
    int limit = 0;
    if (args == 3) {
      Optional<Expr> c = x.translateAs(m.getArgument(1), IrType.INT);
      if (c.isEmpty()) {
        return Effect.failed();
      }
      if (!(c.get() instanceof Expr.Literal l) || ((Integer) l.value()) < 0) {
        return invalid(
            m.getArgument(1),
            "the concurrency limit must be a constant of at least 0",
            "write a literal such as 5, or a static final int constant");
      }
      limit = (Integer) ((Expr.Literal) c.get()).value();
    }
    Optional<IrType> resultElement =
        expected.filter(t -> t instanceof ListType).map(t -> ((ListType) t).element());
    Optional<Branch> branch =
        lambda(m.getArgument(args - 1), List.of(list.element()), resultElement);
    if (branch.isEmpty()) {
      return Effect.failed();
    }
    Local item = branch.get().parameters().get(0);
    Block bodyBlock = branch.get().body();
    int maxConcurrency = limit;
    SourcePosition pos = at(m);
    return new Effect(
        new ListType(branch.get().result()),
        (t, d) ->
            List.of(new Stmt.DurableMap(t, items.get(), maxConcurrency, item, bodyBlock, d, pos)));
  }

  private Effect parallel(MethodCallExpr m, Optional<IrType> expected) {
    int n = m.getArguments().size();
    if (n != 2 && n != 3) {
      return invalid(
          m,
          "Durable.parallel takes two or three suppliers",
          "Durable.parallel(() -> act.a(x), () -> act.b(x))");
    }
    List<IrType> expectedTypes =
        expected
            .filter(t -> t instanceof RecordType)
            .map(t -> ((RecordType) t).typeArguments())
            .orElse(List.of());
    List<Block> branches = new ArrayList<>();
    List<IrType> types = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Optional<IrType> want =
          i < expectedTypes.size() ? Optional.of(expectedTypes.get(i)) : Optional.empty();
      Optional<Branch> branch = lambda(m.getArgument(i), List.of(), want);
      if (branch.isEmpty()) {
        return Effect.failed();
      }
      branches.add(branch.get().body());
      types.add(branch.get().result());
    }
    List<IrType.Component> components = new ArrayList<>();
    String[] names = {"first", "second", "third"};
    for (int i = 0; i < n; i++) {
      components.add(new IrType.Component(names[i], types.get(i)));
    }
    RecordType result =
        new RecordType(SourceContext.API + (n == 2 ? "Pair" : "Triple"), components, types);
    SourcePosition pos = at(m);
    return new Effect(result, (t, d) -> List.of(new Stmt.DurableParallel(t, branches, d, pos)));
  }

  private Effect awaitCallback(MethodCallExpr m) {
    if (m.getArguments().size() != 3 || !(m.getArgument(0) instanceof ClassExpr type)) {
      return invalid(
          m,
          "Durable.awaitCallback takes a result class, a timeout and a lambda",
          "Durable.awaitCallback(Approval.class, Duration.ofHours(24), cb -> act.ask(draft, cb))");
    }
    Optional<IrType> result = x.types().map(type.getType(), x.unit());
    Optional<Expr> timeout = seconds(m.getArgument(1));
    if (result.isEmpty() || timeout.isEmpty()) {
      return Effect.failed();
    }
    IrType callbackType = x.types().callback();
    Optional<Branch> notify =
        lambda(m.getArgument(2), List.of(callbackType), Optional.of(IrType.VOID));
    if (notify.isEmpty()) {
      return Effect.failed();
    }
    Local callback = notify.get().parameters().get(0);
    List<Stmt> notifyStatements = notify.get().body().statements();
    boolean oneCall =
        notifyStatements.size() == 1
            && notifyStatements.get(0) instanceof Stmt.Invoke i
            && i.arguments().stream().anyMatch(a -> reads(a, callback.name()));
    if (!oneCall) {
      return invalid(
          m.getArgument(2),
          "the lambda of Durable.awaitCallback must be one activity call that receives the callback",
          "cb -> act.requestApproval(draft, cb)");
    }
    SourcePosition pos = at(m);
    return new Effect(
        result.get(),
        (t, d) ->
            List.of(
                new Stmt.AwaitCallback(
                    t, result.get(), timeout.get(), callback, notify.get().body(), d, pos)));
  }

  private static boolean reads(Expr e, String name) {
    return e instanceof Expr.Local l && l.name().equals(name)
        || e.children().stream().anyMatch(c -> reads(c, name));
  }

  private Effect child(SourceContext.WorkflowSignature child, MethodCallExpr m) {
    return x.childCall(child, m)
        .map(
            c ->
                new Effect(
                    c.type(),
                    (t, d) ->
                        List.<Stmt>of(
                            new Stmt.StartChild(
                                t, c.workflowName(), c.input(), c.type(), d, c.position()))))
        .orElse(Effect.failed());
  }

  /** A lambda's parameters (as locals of the body) and its body, ending in {@code Yield}s. */
  record Branch(List<Local> parameters, Block body, IrType result) {}

  /**
   * Translates a lambda (or a method reference on an activity stub) whose parameters have the given
   * types; {@code result} is its expected result type, inferred from the body when empty.
   */
  Optional<Branch> lambda(Expression e, List<IrType> parameterTypes, Optional<IrType> result) {
    if (e instanceof MethodReferenceExpr ref && parameterTypes.size() == 1) {
      return methodReference(ref, parameterTypes.get(0), result);
    }
    if (!(e instanceof LambdaExpr lambda)
        || lambda.getParameters().size() != parameterTypes.size()) {
      invalid(
          e,
          "expected a lambda with " + parameterTypes.size() + " parameter(s)",
          "item -> act.process(item)");
      return Optional.empty();
    }
    x.scope().pushLambda();
    try {
      List<Local> params = new ArrayList<>();
      for (int i = 0; i < parameterTypes.size(); i++) {
        params.add(
            x.scope().declare(lambda.getParameter(i).getNameAsString(), parameterTypes.get(i)));
      }
      BodyTranslator.Yields yields = new BodyTranslator.Yields(result);
      BodyTranslator branch = body.forLambda(yields);
      Block block =
          lambda.getBody() instanceof ExpressionStmt es
              ? branch.lambdaExpression(es.getExpression())
              : branch.block((BlockStmt) lambda.getBody());
      return Optional.of(new Branch(params, block, yields.type().orElse(IrType.VOID)));
    } finally {
      x.scope().pop();
    }
  }

  private Optional<Branch> methodReference(
      MethodReferenceExpr ref, IrType parameter, Optional<IrType> result) {
    String scope = ref.getScope().toString();
    if (!x.shape().stubs().containsKey(scope)) {
      invalid(
          ref,
          "only method references to activities are supported, like act::process",
          "item -> ...");
      return Optional.empty();
    }
    String param = body.freshName("item");
    MethodCallExpr call = new MethodCallExpr(new NameExpr(scope), ref.getIdentifier());
    call.addArgument(new NameExpr(param));
    ref.getRange().ifPresent(call::setRange);
    call.getArguments().forEach(a -> ref.getRange().ifPresent(a::setRange));
    x.scope().pushLambda();
    try {
      Local item = x.scope().declare(param, parameter);
      BodyTranslator.Yields yields = new BodyTranslator.Yields(result);
      Block block = body.forLambda(yields).lambdaExpression(call);
      return Optional.of(new Branch(List.of(item), block, yields.type().orElse(IrType.VOID)));
    } finally {
      x.scope().pop();
    }
  }

  private Effect invalid(Node at, String message, String example) {
    context.error(x.unit(), at, DiagnosticCode.INVALID_LAMBDA, message, "write e.g. " + example);
    return Effect.failed();
  }
}
