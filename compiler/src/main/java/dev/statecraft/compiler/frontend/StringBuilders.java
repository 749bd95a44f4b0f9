package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.Builtin;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Expr.Local;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.Stmt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * {@code StringBuilder} locals, lowered to {@code String} locals: {@code new StringBuilder()} is
 * {@code ""}, the statement {@code sb.append(a).append(b);} is {@code sb = sb + a; sb = sb + b;}
 * (Java's string conversion of each value), and {@code toString()}, {@code length()}, {@code
 * isEmpty()} read the string. The builder itself is never a value: sharing it ({@code sb2 = sb}),
 * passing, storing, comparing or returning it would need an object identity the clouds do not have.
 */
final class StringBuilders {
  static final String TYPE = "java.lang.StringBuilder";

  private final SourceContext context;
  private final ExpressionTranslator x;

  StringBuilders(SourceContext context, ExpressionTranslator x) {
    this.context = context;
    this.x = x;
  }

  /** Whether {@code t} is {@code StringBuilder}. */
  boolean isBuilderType(Type t) {
    return t instanceof ClassOrInterfaceType c
        && context.types().resolve(c, x.unit()).filter(TYPE::equals).isPresent();
  }

  /** Whether {@code e} is {@code new StringBuilder(...)}. */
  boolean isCreation(Expression e) {
    return e instanceof ObjectCreationExpr o && isBuilderType(o.getType());
  }

  /** {@code StringBuilder sb = new StringBuilder(...)}: declares the string local. */
  void declare(String name, Optional<Expression> init, Node at, List<Stmt> out) {
    Local local = x.scope().declareBuilder(name);
    if (init.isEmpty()) {
      out.add(new Stmt.Declare(local, x.unit().at(at)));
      return;
    }
    initial(init.get()).ifPresent(v -> out.add(new Stmt.Assign(local, v, true, x.unit().at(at))));
  }

  /** {@code sb = new StringBuilder(...)}: starts over; anything else would share a builder. */
  void assign(Local sb, AssignExpr a, List<Stmt> out) {
    if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
      x.translate(a.getValue(), Optional.empty());
      return;
    }
    initial(a.getValue()).ifPresent(v -> out.add(new Stmt.Assign(sb, v, false, x.unit().at(a))));
  }

  /** The content of a new builder: {@code new StringBuilder()} or {@code ("text")}. */
  private Optional<Expr> initial(Expression e) {
    if (!(e instanceof ObjectCreationExpr o) || !isBuilderType(o.getType())) {
      if (e instanceof NameExpr n && x.scope().isBuilder(n.getNameAsString())) {
        shared(e);
      } else {
        context.error(
            x.unit(),
            e,
            DiagnosticCode.UNSUPPORTED_EXPRESSION,
            "a StringBuilder local takes a new StringBuilder(), not '" + e + "'",
            "StringBuilder sb = new StringBuilder();");
      }
      return Optional.empty();
    }
    if (o.getArguments().isEmpty()) {
      return Optional.of(Expr.Literal.of(""));
    }
    if (o.getArguments().size() == 1 && o.getArgument(0) instanceof StringLiteralExpr s) {
      return Optional.of(Expr.Literal.of(s.asString()));
    }
    context.error(
        x.unit(),
        o,
        DiagnosticCode.UNSUPPORTED_EXPRESSION,
        "'"
            + o
            + "' is not supported: an int argument is a capacity, and a null string would throw",
        "start empty and append: StringBuilder sb = new StringBuilder(); sb.append(s);");
    return Optional.empty();
  }

  /**
   * The statement {@code sb.append(a).append(b)...;} on a builder local, as {@code sb = sb + a; sb
   * = sb + b;}; false when {@code m} is not such a chain.
   */
  boolean append(MethodCallExpr m, List<Stmt> out) {
    Deque<MethodCallExpr> chain = new ArrayDeque<>();
    Expression scope = m;
    while (scope instanceof MethodCallExpr call && call.getNameAsString().equals("append")) {
      chain.push(call);
      scope = call.getScope().orElse(null);
    }
    if (chain.isEmpty()
        || !(scope instanceof NameExpr n)
        || !x.scope().isBuilder(n.getNameAsString())) {
      return false;
    }
    if (x.scope().outsideLambda(n.getNameAsString())) {
      context.error(
          x.unit(),
          m,
          DiagnosticCode.INVALID_LAMBDA,
          "a lambda cannot append to '" + n + "', a StringBuilder of the enclosing workflow code",
          "append in a for-each loop instead");
      return true;
    }
    // One assignment per append: a later argument that reads the builder sees the earlier appends.
    Local sb = x.scope().lookup(n.getNameAsString()).orElseThrow();
    for (MethodCallExpr call : chain) {
      appended(call)
          .ifPresent(
              v ->
                  out.add(
                      new Stmt.Assign(
                          sb, new Expr.Concat(List.of(sb, v)), false, x.unit().at(call))));
    }
    return true;
  }

  /** The value {@code sb.append(v)} appends, converted as Java's string conversion does. */
  private Optional<Expr> appended(MethodCallExpr call) {
    if (call.getArguments().size() != 1) {
      context.error(
          x.unit(),
          call,
          DiagnosticCode.UNSUPPORTED_CALL,
          "'append' with " + call.getArguments().size() + " arguments is not supported",
          "append one value: sb.append(s.substring(start, end))");
      return Optional.empty();
    }
    Expression arg = call.getArgument(0);
    if (MethodCalls.isJavaArray(arg)) {
      context.error(
          x.unit(),
          arg,
          DiagnosticCode.UNSUPPORTED_CALL,
          "appending an array appends its characters or its identity in Java, not its elements",
          "append String.join(\", \", List.of(parts))");
      return Optional.empty();
    }
    return x.translateAllowingBuilder(arg);
  }

  /**
   * A call on a builder inside an expression: {@code toString()}, {@code length()}, {@code
   * isEmpty()}.
   */
  Optional<Expr> call(Local sb, MethodCallExpr m) {
    String name = m.getNameAsString();
    if (!m.getArguments().isEmpty() || !List.of("toString", "length", "isEmpty").contains(name)) {
      context.error(
          x.unit(),
          m,
          DiagnosticCode.UNSUPPORTED_CALL,
          name.equals("append")
              ? "'append' changes the builder, so it must be a statement of its own"
              : "'StringBuilder." + name + "(...)' is not supported in workflow code",
          name.equals("append")
              ? "write it as a statement: " + sb.name() + ".append(...);"
              : "StringBuilder offers append(x) as a statement, toString(), length() and"
                  + " isEmpty(); for the rest, work on the String: "
                  + sb.name()
                  + ".toString()");
      return Optional.empty();
    }
    return Optional.of(
        switch (name) {
          case "length" -> ExpressionTranslator.call(Builtin.STRING_LENGTH, IrType.INT, sb);
          case "isEmpty" -> ExpressionTranslator.call(Builtin.STRING_IS_EMPTY, IrType.BOOLEAN, sb);
          default -> sb;
        });
  }

  /** Reports a builder used as a value. */
  void shared(Node at) {
    context.error(
        x.unit(),
        at,
        DiagnosticCode.UNSUPPORTED_EXPRESSION,
        "a StringBuilder is not a value in workflow code: it cannot be shared, passed, stored,"
            + " compared or returned",
        "use its text: " + at + ".toString()");
  }
}
