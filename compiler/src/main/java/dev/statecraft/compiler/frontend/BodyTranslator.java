package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Expr.BinaryOp;
import dev.statecraft.compiler.ir.Expr.Local;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.IrType.Primitive;
import dev.statecraft.compiler.ir.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates the statements of a workflow method into IR statements, reporting every statement
 * outside the workflow language.
 */
final class BodyTranslator {
  private final SourceContext context;
  private final ExpressionTranslator x;
  private final IrType returnType;

  BodyTranslator(SourceContext context, ExpressionTranslator x, IrType returnType) {
    this.context = context;
    this.x = x;
    this.returnType = returnType;
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
    } else if (!(s instanceof EmptyStmt)) {
      unsupported(s);
    }
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
      case "ForEach" -> "for";
      case "Labeled" -> "labeled";
      default -> kind.toLowerCase(java.util.Locale.ROOT);
    };
  }

  private void expressionStatement(Expression e, List<Stmt> out) {
    if (e instanceof VariableDeclarationExpr v) {
      for (VariableDeclarator d : v.getVariables()) {
        declaration(d, out);
      }
    } else if (e instanceof AssignExpr a) {
      assignment(a, out);
    } else if (e instanceof UnaryExpr u && isIncrement(u)) {
      increment(u, out);
    } else if (e instanceof MethodCallExpr m) {
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
    Optional<IrType> declared =
        d.getType().isVarType() ? Optional.empty() : x.types().map(d.getType(), x.unit());
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

  private Optional<Local> target(Expression target) {
    if (target instanceof NameExpr n) {
      Optional<Local> local = x.scope().lookup(n.getNameAsString());
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
    if (a.getOperator() == AssignExpr.Operator.ASSIGN) {
      x.translateAs(a.getValue(), t.type())
          .ifPresent(v -> out.add(new Stmt.Assign(t, v, false, x.unit().at(a))));
      return;
    }
    Optional<Expr> value = x.translate(a.getValue(), Optional.empty());
    if (value.isEmpty()) {
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
    // On a bad value, still record the return so control-flow checks stay right.
    Expr value =
        x.translateAs(r.getExpression().get(), returnType)
            .orElse(new Expr.Literal(null, returnType));
    out.add(new Stmt.Return(Optional.of(value), x.unit().at(r)));
  }

  private void throwStatement(ThrowStmt t, List<Stmt> out) {
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
}
