package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Builtin;
import dev.statecraft.compiler.ir.ErrorName;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Expr.BinaryOp;
import dev.statecraft.compiler.ir.Expr.Local;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.IrType.Primitive;
import dev.statecraft.compiler.ir.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Translates the statements of a workflow method (or of a lambda given to a Durable operation) into
 * IR statements, reporting every statement outside the workflow language.
 */
final class BodyTranslator {
  /** The result type of a lambda body, fixed by the first {@code return} when not expected. */
  static final class Yields {
    private Optional<IrType> type;

    Yields(Optional<IrType> expected) {
      this.type = expected;
    }

    Optional<IrType> type() {
      return type;
    }
  }

  /** A statement that {@code break} (and, for loops, {@code continue}) can target. */
  private record Breakable(boolean loop, Optional<String> label) {}

  private final SourceContext context;
  private final ExpressionTranslator x;
  private final IrType returnType;
  private final Yields yields;
  private final Deque<Breakable> breakables = new ArrayDeque<>();
  private final Effects effects;
  private final CatchNames catchNames;

  BodyTranslator(SourceContext context, ExpressionTranslator x, IrType returnType) {
    this(context, x, returnType, null, new CatchNames());
  }

  private BodyTranslator(
      SourceContext context,
      ExpressionTranslator x,
      IrType returnType,
      Yields yields,
      CatchNames names) {
    this.context = context;
    this.x = x;
    this.returnType = returnType;
    this.yields = yields;
    this.effects = new Effects(context, x, this);
    this.catchNames = names;
  }

  /** A translator for a lambda body: {@code return v} yields {@code v} as the branch's result. */
  BodyTranslator forLambda(Yields lambdaYields) {
    return new BodyTranslator(context, x, IrType.VOID, lambdaYields, catchNames);
  }

  /** Reserves every identifier of the method, so generated catch locals never collide. */
  void reserveNames(Node method) {
    method
        .findAll(com.github.javaparser.ast.expr.SimpleName.class)
        .forEach(n -> catchNames.names.reserve(List.of(n.getIdentifier())));
  }

  /** Generated names for catch parameters' error and message. */
  private static final class CatchNames {
    final dev.statecraft.compiler.ir.UniqueNames names =
        new dev.statecraft.compiler.ir.UniqueNames();
  }

  ExpressionTranslator expressions() {
    return x;
  }

  /** The statements of {@code body}, in a scope of their own. */
  Block block(Statement body) {
    x.scope().push();
    try {
      List<Stmt> out = new ArrayList<>();
      if (body instanceof BlockStmt b) {
        for (Statement s : b.getStatements()) {
          statement(s, out);
        }
      } else {
        statement(body, out);
      }
      return new Block(out);
    } finally {
      x.scope().pop();
    }
  }

  /** The body of an expression lambda: a yield of its value, or a statement for a void lambda. */
  Block lambdaExpression(Expression e) {
    List<Stmt> out = new ArrayList<>();
    if (yields.type().filter(IrType.VOID::equals).isPresent()) {
      expressionStatement(e, out);
    } else {
      yieldValue(e, out);
    }
    return new Block(out);
  }

  private void statement(Statement s, List<Stmt> out) {
    if (s instanceof ExpressionStmt e) {
      expressionStatement(e.getExpression(), out);
    } else if (s instanceof BlockStmt b) {
      out.addAll(block(b).statements());
    } else if (s instanceof IfStmt i) {
      ifStatement(i, out);
    } else if (s instanceof ReturnStmt r) {
      returnStatement(r, out);
    } else if (s instanceof ThrowStmt t) {
      throwStatement(t, out);
    } else if (s instanceof WhileStmt
        || s instanceof DoStmt
        || s instanceof ForStmt
        || s instanceof ForEachStmt) {
      loop(s, Optional.empty(), out);
    } else if (s instanceof LabeledStmt l) {
      labeled(l, out);
    } else if (s instanceof BreakStmt b) {
      jump(b, b.getLabel().map(n -> n.getIdentifier()), false, out);
    } else if (s instanceof ContinueStmt c) {
      jump(c, c.getLabel().map(n -> n.getIdentifier()), true, out);
    } else if (s instanceof SwitchStmt sw) {
      breakables.push(new Breakable(false, Optional.empty()));
      try {
        new SwitchTranslator(context, x, this).statement(sw, out);
      } finally {
        breakables.pop();
      }
    } else if (s instanceof TryStmt t) {
      tryStatement(t, out);
    } else if (s instanceof YieldStmt y) {
      yieldStatement(y, out);
    } else if (!(s instanceof EmptyStmt)) {
      unsupported(s);
    }
  }

  /** The statements of a switch group, in a scope of their own. */
  Block blockOf(List<Statement> statements) {
    x.scope().push();
    try {
      List<Stmt> out = new ArrayList<>();
      statements.forEach(s -> statement(s, out));
      return new Block(out);
    } finally {
      x.scope().pop();
    }
  }

  /** A fresh local name that no identifier of the method uses. */
  String freshName(String base) {
    return catchNames.names.next(base);
  }

  /**
   * One case of a switch expression: {@code case X -> value} assigns {@code value} to the result;
   * in a block, {@code yield value} assigns it and leaves the switch.
   */
  Block switchExpressionCase(SwitchEntry e, String result, Yields types) {
    switchResults.push(new SwitchResult(result, types));
    breakables.push(new Breakable(false, Optional.empty()));
    try {
      List<Statement> statements = e.getStatements();
      if (e.getType() == SwitchEntry.Type.EXPRESSION
          && statements.size() == 1
          && statements.get(0) instanceof ExpressionStmt es) {
        List<Stmt> out = new ArrayList<>();
        assignResult(es.getExpression(), out);
        return new Block(out);
      }
      return blockOf(statements);
    } finally {
      breakables.pop();
      switchResults.pop();
    }
  }

  private record SwitchResult(String name, Yields types) {}

  private final Deque<SwitchResult> switchResults = new ArrayDeque<>();

  private void assignResult(Expression value, List<Stmt> out) {
    SwitchResult r = switchResults.peek();
    Optional<IrType> expected = r.types().type();
    Optional<Expr> v =
        expected.isPresent()
            ? x.translateAs(value, expected.get())
            : x.translate(value, Optional.empty());
    if (v.isEmpty()) {
      return;
    }
    IrType type = expected.orElse(v.get().type());
    r.types().type = Optional.of(type);
    out.add(new Stmt.Assign(new Local(r.name(), type), v.get(), false, x.unit().at(value)));
  }

  private void yieldStatement(YieldStmt y, List<Stmt> out) {
    if (switchResults.isEmpty()) {
      context.error(
          x.unit(),
          y,
          DiagnosticCode.UNSUPPORTED_STATEMENT,
          "'yield' outside a switch expression",
          "");
      return;
    }
    assignResult(y.getExpression(), out);
    out.add(new Stmt.Break(Optional.empty(), x.unit().at(y)));
  }

  private void unsupported(Statement s) {
    String kind = s.getClass().getSimpleName().replace("Stmt", "");
    DiagnosticCode code =
        s.isSynchronizedStmt()
            ? DiagnosticCode.THREADS_IN_WORKFLOW
            : DiagnosticCode.UNSUPPORTED_STATEMENT;
    String hint =
        switch (kind) {
          case "Synchronized" -> "workflow code is single-threaded: remove the synchronized block";
          case "LocalClassDeclaration", "LocalRecordDeclaration" ->
              "declare the type at the top level of the file";
          case "Assert" -> "throw new WorkflowFailure(...) when the condition fails";
          default -> "see docs/language.md for the statements workflow code supports";
        };
    context.error(
        x.unit(),
        s,
        code,
        "'" + keyword(kind) + "' statements are not supported in workflow code",
        hint);
  }

  private static String keyword(String kind) {
    return switch (kind) {
      case "LocalClassDeclaration" -> "local class";
      case "LocalRecordDeclaration" -> "local record";
      case "ExplicitConstructorInvocation" -> "this(...)";
      case "Labeled" -> "labeled";
      default -> kind.toLowerCase(java.util.Locale.ROOT);
    };
  }

  /**
   * Translates {@code e} standing as a statement of its own: a call, an assignment, a declaration.
   */
  void expressionStatement(Expression e, List<Stmt> out) {
    if (e instanceof VariableDeclarationExpr v) {
      for (VariableDeclarator d : v.getVariables()) {
        declaration(d, out);
      }
    } else if (e instanceof AssignExpr a) {
      assignment(a, out);
    } else if (e instanceof UnaryExpr u && isIncrement(u)) {
      increment(u, out);
    } else if (e instanceof MethodCallExpr m) {
      if (x.builders().append(m, out)) {
        return;
      }
      Optional<Effects.Effect> effect = effects.of(m, Optional.empty());
      if (effect.isPresent()) {
        out.addAll(effect.get().emit().apply(Optional.empty(), false));
        return;
      }
      if (new CollectionMutations(context, x).statement(m, out)) {
        return;
      }
      x.translate(m, Optional.empty())
          .ifPresent(
              value -> {
                if (value instanceof Expr.ActivityCall call) {
                  out.add(
                      new Stmt.Invoke(
                          Optional.empty(),
                          call.activity(),
                          call.arguments(),
                          false,
                          x.unit().at(m)));
                }
              });
    } else {
      x.translate(e, Optional.empty())
          .ifPresent(
              value ->
                  context.error(
                      x.unit(),
                      e,
                      DiagnosticCode.UNSUPPORTED_STATEMENT,
                      "'" + e + "' is not a statement",
                      "assign the value to a variable or remove it"));
    }
  }

  private void declaration(VariableDeclarator d, List<Stmt> out) {
    String name = d.getNameAsString();
    if (d.getInitializer().filter(BodyTranslator::isActivityStubCall).isPresent()) {
      x.translate(d.getInitializer().get(), Optional.empty()); // reports MISPLACED_ACTIVITY_STUB
      return;
    }
    if (x.builders().isBuilderType(d.getType())
        || d.getType().isVarType()
            && d.getInitializer().filter(x.builders()::isCreation).isPresent()) {
      x.builders().declare(name, d.getInitializer(), d, out);
      return;
    }
    Optional<IrType> declared =
        d.getType().isVarType() ? Optional.empty() : x.types().mapLocal(d.getType(), x.unit());
    if (!d.getType().isVarType() && declared.isEmpty()) {
      x.scope().declare(name, IrType.NULL);
      return;
    }
    if (d.getInitializer().isEmpty()) {
      if (declared.isEmpty()) {
        return; // 'var' without initializer is a Java syntax error, already reported
      }
      out.add(new Stmt.Declare(x.scope().declare(name, declared.get()), x.unit().at(d)));
      return;
    }
    Expression init = d.getInitializer().get();
    Optional<Effects.Effect> effect = effects.of(init, declared);
    if (effect.isPresent()) {
      IrType type = declared.orElse(effect.get().type());
      if (type.equals(IrType.VOID)) {
        voidResult(init);
        return;
      }
      if (declared.isPresent()
          && !IrType.assignable(effect.get().type(), declared.get())
          && !effect.get().type().equals(IrType.NULL)) {
        mismatch(init, declared.get(), effect.get().type());
      }
      Local local = x.scope().declare(name, type);
      out.addAll(effect.get().emit().apply(Optional.of(local), true));
      return;
    }
    Optional<Expr> value =
        declared.isPresent()
            ? x.translateAs(init, declared.get())
            : x.translate(init, Optional.empty());
    IrType type = declared.orElse(value.map(Expr::type).orElse(IrType.NULL));
    if (value.isPresent() && type.equals(IrType.VOID)) {
      voidResult(init);
      value = Optional.empty();
    }
    Local local = x.scope().declare(name, type);
    value.ifPresent(v -> out.add(new Stmt.Assign(local, v, true, x.unit().at(d))));
  }

  private static boolean isActivityStubCall(Expression e) {
    return e instanceof MethodCallExpr m
        && m.getNameAsString().equals("activities")
        && m.getScope().filter(s -> s.toString().endsWith("Durable")).isPresent();
  }

  private void voidResult(Node at) {
    context.error(
        x.unit(),
        at,
        DiagnosticCode.VOID_RESULT,
        "'" + at + "' returns nothing, so it has no value to store",
        "call it as a statement of its own");
  }

  private void mismatch(Node at, IrType expected, IrType actual) {
    context.error(
        x.unit(),
        at,
        DiagnosticCode.TYPE_MISMATCH,
        "expected '" + expected.javaName() + "' but '" + at + "' is '" + actual.javaName() + "'",
        "");
  }

  private Optional<Local> target(Expression target) {
    if (target instanceof NameExpr n) {
      Optional<Local> local = x.scope().lookup(n.getNameAsString());
      if (local.isPresent() && x.scope().outsideLambda(n.getNameAsString())) {
        context.error(
            x.unit(),
            target,
            DiagnosticCode.INVALID_LAMBDA,
            "a lambda cannot assign '" + n + "', a local of the enclosing workflow code",
            "return the value from the lambda and assign it outside");
        return Optional.empty();
      }
      if (local.isPresent()) {
        return local;
      }
      if (x.shape().constants().containsKey(n.getNameAsString())) {
        context.error(
            x.unit(),
            target,
            DiagnosticCode.STATIC_MUTABLE_STATE,
            "cannot assign to constant '" + n + "'",
            "use a local variable");
        return Optional.empty();
      }
      x.translate(target, Optional.empty());
      return Optional.empty();
    }
    if (target instanceof ArrayAccessExpr a) {
      context.error(
          x.unit(),
          target,
          DiagnosticCode.UNSUPPORTED_EXPRESSION,
          "arrays are read-only in workflow code; '" + target + "' cannot be assigned",
          "copy it into a list first: List<String> xs = new ArrayList<>(List.of("
              + a.getName()
              + ")); then xs.set(i, value)");
      return Optional.empty();
    }
    context.error(
        x.unit(),
        target,
        DiagnosticCode.INVALID_WORKFLOW_FIELD,
        "workflow code assigns only local variables, not '" + target + "'",
        "keep workflow state in local variables of the workflow method");
    return Optional.empty();
  }

  private void assignment(AssignExpr a, List<Stmt> out) {
    Optional<Local> target = target(a.getTarget());
    if (target.isEmpty()) {
      x.translate(a.getValue(), Optional.empty());
      return;
    }
    Local t = target.get();
    if (a.getTarget() instanceof NameExpr n && x.scope().isBuilder(n.getNameAsString())) {
      x.builders().assign(t, a, out);
      return;
    }
    if (a.getOperator() == AssignExpr.Operator.ASSIGN) {
      Optional<Effects.Effect> effect = effects.of(a.getValue(), Optional.of(t.type()));
      if (effect.isPresent()) {
        if (!IrType.assignable(effect.get().type(), t.type())
            && !effect.get().type().equals(IrType.NULL)) {
          mismatch(a.getValue(), t.type(), effect.get().type());
        }
        out.addAll(effect.get().emit().apply(Optional.of(t), false));
        return;
      }
      x.translateAs(a.getValue(), t.type())
          .ifPresent(v -> out.add(new Stmt.Assign(t, v, false, x.unit().at(a))));
      return;
    }
    Optional<Expr> value = x.translate(a.getValue(), Optional.empty());
    if (value.isEmpty()
        || a.getOperator() == AssignExpr.Operator.PLUS
            && t.type().equals(IrType.STRING)
            && x.reportsArrays(a.getValue())) {
      return;
    }
    compound(t, a.getOperator(), value.get(), a).ifPresent(out::add);
  }

  /** {@code t op= v}: Java computes {@code t = (T) (t op v)}. */
  private Optional<Stmt> compound(Local t, AssignExpr.Operator op, Expr v, Node at) {
    if (op == AssignExpr.Operator.PLUS && t.type().equals(IrType.STRING)) {
      return Optional.of(
          new Stmt.Assign(t, new Expr.Concat(List.of(t, v)), false, x.unit().at(at)));
    }
    BinaryOp binary =
        switch (op) {
          case PLUS -> BinaryOp.ADD;
          case MINUS -> BinaryOp.SUBTRACT;
          case MULTIPLY -> BinaryOp.MULTIPLY;
          case DIVIDE -> BinaryOp.DIVIDE;
          case REMAINDER -> BinaryOp.REMAINDER;
          default -> null;
        };
    if (binary == null) {
      x.unsupported(at, "operator '" + op.asString() + "' is not supported in workflow code", "");
      return Optional.empty();
    }
    if (!t.type().isNumeric() || !v.type().isNumeric()) {
      context.error(
          x.unit(),
          at,
          DiagnosticCode.TYPE_MISMATCH,
          "'"
              + op.asString()
              + "' needs numbers, but '"
              + at
              + "' mixes '"
              + t.type().javaName()
              + "' and '"
              + v.type().javaName()
              + "'",
          "");
      return Optional.empty();
    }
    Primitive p = ExpressionTranslator.promote((Primitive) t.type(), (Primitive) v.type());
    Expr result =
        new Expr.Binary(
            binary,
            ExpressionTranslator.numericConvert(t, p),
            ExpressionTranslator.numericConvert(v, p),
            p);
    return Optional.of(
        new Stmt.Assign(
            t,
            ExpressionTranslator.numericConvert(result, (Primitive) t.type()),
            false,
            x.unit().at(at)));
  }

  private static boolean isIncrement(UnaryExpr u) {
    return switch (u.getOperator()) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
      default -> false;
    };
  }

  private void increment(UnaryExpr u, List<Stmt> out) {
    Optional<Local> target = target(u.getExpression());
    if (target.isEmpty()) {
      return;
    }
    boolean up =
        u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
            || u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT;
    compound(
            target.get(),
            up ? AssignExpr.Operator.PLUS : AssignExpr.Operator.MINUS,
            Expr.Literal.of(1),
            u)
        .ifPresent(out::add);
  }

  private void ifStatement(IfStmt i, List<Stmt> out) {
    Optional<Expr> cond = x.condition(i.getCondition());
    Block then = block(i.getThenStmt());
    Block otherwise = i.getElseStmt().map(this::block).orElse(Block.EMPTY);
    cond.ifPresent(c -> out.add(new Stmt.If(c, then, otherwise, x.unit().at(i))));
  }

  private void returnStatement(ReturnStmt r, List<Stmt> out) {
    if (yields != null) {
      if (r.getExpression().isEmpty()) {
        if (yields.type().filter(t -> !t.equals(IrType.VOID)).isPresent()) {
          context.error(
              x.unit(), r, DiagnosticCode.TYPE_MISMATCH, "this lambda must return a value", "");
        }
        return;
      }
      yieldValue(r.getExpression().get(), out);
      return;
    }
    if (r.getExpression().isEmpty()) {
      if (!returnType.equals(IrType.VOID)) {
        context.error(
            x.unit(),
            r,
            DiagnosticCode.TYPE_MISMATCH,
            "the workflow method returns '"
                + returnType.javaName()
                + "', so 'return' needs a value",
            "");
        return;
      }
      out.add(new Stmt.Return(Optional.empty(), x.unit().at(r)));
      return;
    }
    if (returnType.equals(IrType.VOID)) {
      context.error(
          x.unit(),
          r,
          DiagnosticCode.TYPE_MISMATCH,
          "the workflow method is void, so 'return' takes no value",
          "");
      return;
    }
    Optional<Effects.Effect> effect = effects.of(r.getExpression().get(), Optional.of(returnType));
    if (effect.isPresent()) {
      Local temp = x.scope().declare(catchNames.names.next("result"), returnType);
      out.addAll(effect.get().emit().apply(Optional.of(temp), true));
      out.add(new Stmt.Return(Optional.of(temp), x.unit().at(r)));
      return;
    }
    // On a bad value, still record the return so control-flow checks stay right.
    Expr value =
        x.translateAs(r.getExpression().get(), returnType)
            .orElse(new Expr.Literal(null, returnType));
    out.add(new Stmt.Return(Optional.of(value), x.unit().at(r)));
  }

  private void throwStatement(ThrowStmt t, List<Stmt> out) {
    if (t.getExpression() instanceof NameExpr n) {
      Optional<Scope.CatchParameter> caught = x.scope().catchParameter(n.getNameAsString());
      if (caught.isPresent()) {
        out.add(new Stmt.Fail(caught.get().error(), caught.get().message(), x.unit().at(t)));
        return;
      }
    }
    if (t.getExpression() instanceof ObjectCreationExpr o
        && context
            .types()
            .resolve(o.getType(), x.unit())
            .filter((SourceContext.API + "WorkflowFailure")::equals)
            .isPresent()) {
      if (o.getArguments().size() != 2) {
        context.error(
            x.unit(),
            o,
            DiagnosticCode.TYPE_MISMATCH,
            "WorkflowFailure takes an error name and a cause",
            "write: throw new WorkflowFailure(\"ErrorName\", \"what happened\");");
        return;
      }
      if (o.getArgument(0) instanceof StringLiteralExpr s && s.asString().startsWith("States.")) {
        context.error(
            x.unit(),
            s,
            DiagnosticCode.RESERVED_ERROR_NAME,
            "error name '" + s.asString() + "' is reserved by AWS Step Functions",
            "choose a name of your own, e.g. \"" + s.asString().substring(7) + "\"");
        return;
      }
      Optional<Expr> error = x.translateAs(o.getArgument(0), IrType.STRING);
      Optional<Expr> cause = x.translateAs(o.getArgument(1), IrType.STRING);
      out.add(
          new Stmt.Fail(
              error.orElse(Expr.Literal.of("Error")),
              cause.orElse(Expr.Literal.of("")),
              x.unit().at(t)));
      return;
    }
    context.error(
        x.unit(),
        t,
        DiagnosticCode.UNSUPPORTED_THROW,
        "workflow code throws only WorkflowFailure, not '" + t.getExpression() + "'",
        "write: throw new WorkflowFailure(\"ErrorName\", \"what happened\");");
  }

  /** A lambda's {@code return v} (or expression body): the branch's result. */
  private void yieldValue(Expression e, List<Stmt> out) {
    Optional<IrType> expected = yields.type();
    Optional<Effects.Effect> effect = effects.of(e, expected);
    if (effect.isPresent()) {
      IrType type = expected.orElse(effect.get().type());
      yields.type = Optional.of(type);
      Local temp = x.scope().declare(catchNames.names.next("branchResult"), type);
      out.addAll(effect.get().emit().apply(Optional.of(temp), true));
      out.add(new Stmt.Yield(temp, x.unit().at(e)));
      return;
    }
    Optional<Expr> value =
        expected.isPresent() ? x.translateAs(e, expected.get()) : x.translate(e, Optional.empty());
    if (value.isEmpty()) {
      out.add(new Stmt.Yield(new Expr.Literal(null, expected.orElse(IrType.NULL)), x.unit().at(e)));
      return;
    }
    if (value.get().type().equals(IrType.VOID)) {
      voidResult(e);
      return;
    }
    yields.type = Optional.of(expected.orElse(value.get().type()));
    out.add(new Stmt.Yield(value.get(), x.unit().at(e)));
  }

  private void labeled(LabeledStmt l, List<Stmt> out) {
    Statement inner = l.getStatement();
    if (inner instanceof WhileStmt
        || inner instanceof DoStmt
        || inner instanceof ForStmt
        || inner instanceof ForEachStmt) {
      loop(inner, Optional.of(l.getLabel().getIdentifier()), out);
      return;
    }
    unsupported(l);
  }

  private void loop(Statement s, Optional<String> label, List<Stmt> out) {
    breakables.push(new Breakable(true, label));
    x.scope().push();
    try {
      if (s instanceof WhileStmt w) {
        Optional<Expr> cond = x.condition(w.getCondition());
        Block body = block(w.getBody());
        cond.ifPresent(
            c -> out.add(new Stmt.Loop(label, c, body, Block.EMPTY, true, x.unit().at(s))));
      } else if (s instanceof DoStmt d) {
        Block body = block(d.getBody());
        Optional<Expr> cond = x.condition(d.getCondition());
        cond.ifPresent(
            c -> out.add(new Stmt.Loop(label, c, body, Block.EMPTY, false, x.unit().at(s))));
      } else if (s instanceof ForStmt f) {
        for (Expression init : f.getInitialization()) {
          expressionStatement(init, out);
        }
        Optional<Expr> cond =
            f.getCompare().isPresent()
                ? x.condition(f.getCompare().get())
                : Optional.of(Expr.Literal.of(true));
        Block body = block(f.getBody());
        List<Stmt> update = new ArrayList<>();
        for (Expression u : f.getUpdate()) {
          expressionStatement(u, update);
        }
        cond.ifPresent(
            c -> out.add(new Stmt.Loop(label, c, body, new Block(update), true, x.unit().at(s))));
      } else if (s instanceof ForEachStmt f) {
        forEach(f, label, out);
      }
    } finally {
      x.scope().pop();
      breakables.pop();
    }
  }

  private void forEach(ForEachStmt f, Optional<String> label, List<Stmt> out) {
    if (MapEntries.isEntrySet(f.getIterable())) {
      entries(f, label, out);
      return;
    }
    Optional<Expr> iterable = x.translate(f.getIterable(), Optional.empty());
    if (iterable.isEmpty()) {
      return;
    }
    if (!(iterable.get().type() instanceof IrType.ListType list)) {
      context.error(
          x.unit(),
          f.getIterable(),
          DiagnosticCode.TYPE_MISMATCH,
          "for-each needs a List (or a map's keySet()), not '"
              + iterable.get().type().javaName()
              + "'",
          "");
      return;
    }
    VariableDeclarator v = f.getVariable().getVariables().get(0);
    IrType type = list.element();
    if (!v.getType().isVarType()) {
      Optional<IrType> declared = x.types().mapLocal(v.getType(), x.unit());
      if (declared.isEmpty()) {
        return;
      }
      if (!IrType.assignable(list.element(), declared.get())) {
        mismatch(v, declared.get(), list.element());
        return;
      }
      type = declared.get();
    }
    Local variable = x.scope().declare(v.getNameAsString(), type);
    Block body = block(f.getBody());
    out.add(new Stmt.ForEach(label, variable, iterable.get(), body, x.unit().at(f)));
  }

  /**
   * {@code for (Map.Entry<String, V> e : map.entrySet())}: a loop over the keys in insertion order,
   * where {@code e.getKey()} is the key and {@code e.getValue()} the map's value for it.
   */
  private void entries(ForEachStmt f, Optional<String> label, List<Stmt> out) {
    Expression mapSource = ((MethodCallExpr) f.getIterable()).getScope().orElseThrow();
    Optional<Expr> map = x.translate(mapSource, Optional.empty());
    if (map.isEmpty() || !new MapEntries(context, x.unit()).accepts(f, mapSource, map.get())) {
      return;
    }
    String name = f.getVariable().getVariables().get(0).getNameAsString();
    Expr source = map.get();
    if (!(source instanceof Local)) {
      Local copy = new Local(freshName(name + "Map"), source.type());
      out.add(new Stmt.Assign(copy, source, true, x.unit().at(f)));
      source = copy;
    }
    Local key = new Local(freshName(name + "Key"), IrType.STRING);
    x.scope().declareEntry(new Scope.MapEntry(name, key, source));
    Block body = block(f.getBody());
    Expr keys =
        ExpressionTranslator.call(Builtin.MAP_KEY_SET, new IrType.ListType(IrType.STRING), source);
    out.add(new Stmt.ForEach(label, key, keys, body, x.unit().at(f)));
  }

  private void jump(Statement s, Optional<String> label, boolean isContinue, List<Stmt> out) {
    boolean found = false;
    for (Breakable b : breakables) {
      if (label.isPresent() ? b.label().equals(label) : (b.loop() || !isContinue)) {
        found = !isContinue || b.loop();
        break;
      }
    }
    if (!found) {
      context.error(
          x.unit(),
          s,
          DiagnosticCode.UNSUPPORTED_STATEMENT,
          "'"
              + (isContinue ? "continue" : "break")
              + "' has no enclosing "
              + (isContinue ? "loop" : "loop or switch")
              + label.map(l -> " labelled '" + l + "'").orElse("")
              + (yields != null ? " inside this lambda" : ""),
          "");
      return;
    }
    out.add(
        isContinue
            ? new Stmt.Continue(label, x.unit().at(s))
            : new Stmt.Break(label, x.unit().at(s)));
  }

  private void tryStatement(TryStmt t, List<Stmt> out) {
    if (!t.getResources().isEmpty()) {
      context.error(
          x.unit(),
          t,
          DiagnosticCode.UNSUPPORTED_STATEMENT,
          "try-with-resources is not supported in workflow code",
          "workflows hold no resources; open them in activities");
      return;
    }
    Block body = block(t.getTryBlock());
    List<Stmt.Catch> catches = new ArrayList<>();
    for (CatchClause c : t.getCatchClauses()) {
      List<Type> types =
          c.getParameter().getType() instanceof UnionType u
              ? List.copyOf(u.getElements())
              : List.of(c.getParameter().getType());
      List<ErrorName> errors = new ArrayList<>();
      for (Type type : types) {
        new ErrorNames(context, x.unit()).of(type).ifPresent(errors::add);
      }
      String name = c.getParameter().getNameAsString();
      Local error = new Local(catchNames.names.next(name + "Error"), IrType.STRING);
      Local message = new Local(catchNames.names.next(name + "Message"), IrType.STRING);
      x.scope().push();
      boolean workflowFailure =
          errors.size() == 1 && errors.get(0) instanceof ErrorName.WorkflowFailure;
      x.scope().declareCatch(new Scope.CatchParameter(name, error, message, workflowFailure));
      Block handler;
      try {
        handler = block(c.getBody());
      } finally {
        x.scope().pop();
      }
      catches.add(new Stmt.Catch(errors, Optional.of(error), Optional.of(message), handler));
    }
    Block finallyBlock = t.getFinallyBlock().map(this::block).orElse(Block.EMPTY);
    out.add(new Stmt.Try(body, catches, finallyBlock, x.unit().at(t)));
  }
}
