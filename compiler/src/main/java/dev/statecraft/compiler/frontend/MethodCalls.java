package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.Builtin;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.IrType.ListType;
import dev.statecraft.compiler.ir.IrType.MapType;
import dev.statecraft.compiler.ir.IrType.Primitive;
import dev.statecraft.compiler.ir.IrType.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Method calls in workflow code: activity calls through a stub, {@link dev.statecraft.api.Durable}
 * operations, and the supported library methods ({@link Builtin}). Any other call is a diagnostic
 * that says why and what to do instead.
 */
final class MethodCalls {
  private static final String DURABLE = SourceContext.API + "Durable";
  private static final java.util.Set<String> STRING_METHODS =
      java.util.Set.of(
          "length",
          "isEmpty",
          "contains",
          "startsWith",
          "endsWith",
          "toUpperCase",
          "toLowerCase",
          "trim",
          "indexOf",
          "lastIndexOf",
          "replace",
          "isBlank",
          "equalsIgnoreCase",
          "split",
          "substring",
          "repeat",
          "strip",
          "stripLeading",
          "stripTrailing",
          "charAt");
  private static final java.util.Set<String> LIST_METHODS =
      java.util.Set.of("size", "isEmpty", "get", "contains", "indexOf", "subList");
  private static final java.util.Set<String> MUTATIONS =
      java.util.Set.of("add", "set", "remove", "addAll", "clear", "put", "merge", "putAll");
  private static final java.util.Set<String> MAP_METHODS =
      java.util.Set.of("get", "getOrDefault", "containsKey", "keySet", "values", "size");

  private final ExpressionTranslator x;
  private final SourceContext context;
  private final ParsedUnit unit;

  MethodCalls(ExpressionTranslator x, SourceContext context, ParsedUnit unit) {
    this.x = x;
    this.context = context;
    this.unit = unit;
  }

  Optional<Expr> translate(MethodCallExpr m, Optional<IrType> expected) {
    if (m.getScope().isEmpty()) {
      return unscoped(m);
    }
    Expression scope = m.getScope().get();
    if (scope instanceof NameExpr n && x.scope().catchParameter(n.getNameAsString()).isPresent()) {
      return caught(x.scope().catchParameter(n.getNameAsString()).get(), m);
    }
    if (scope instanceof NameExpr n && x.scope().isBuilder(n.getNameAsString())) {
      return x.builders().call(x.scope().lookup(n.getNameAsString()).orElseThrow(), m);
    }
    if (scope instanceof com.github.javaparser.ast.expr.ObjectCreationExpr creation) {
      Optional<SourceContext.WorkflowSignature> child =
          context.types().resolve(creation.getType(), unit).map(context.workflows()::get);
      if (child.isPresent()) {
        // Inside an expression: a child execution like any other, hoisted into a statement.
        return x.childCall(child.get(), m).map(c -> c);
      }
    }
    if (scope instanceof NameExpr n && x.scope().entry(n.getNameAsString()).isPresent()) {
      return entryCall(x.scope().entry(n.getNameAsString()).get(), m);
    }
    Optional<ActivityReader.ActivitiesInterface> stub = stub(scope);
    if (stub.isPresent()) {
      return activity(stub.get(), m);
    }
    Optional<String> type = x.typeName(scope);
    if (type.isPresent()) {
      return staticCall(type.get(), m, expected);
    }
    if (scope instanceof FieldAccessExpr f) {
      Optional<String> owner = x.typeName(f.getScope());
      if (owner.isPresent()) {
        Optional<ForbiddenApis.Verdict> v =
            ForbiddenApis.classify(owner.get(), f.getNameAsString());
        if (v.isPresent()) {
          return x.forbidden(m, v.get());
        }
      }
    }
    Optional<Expr> receiver = x.translate(scope, Optional.empty());
    if (receiver.isEmpty()) {
      return Optional.empty();
    }
    return instanceCall(receiver.get(), m);
  }

  /** {@code e.getKey()} and {@code e.getValue()} of a for-each over {@code map.entrySet()}. */
  private Optional<Expr> entryCall(Scope.MapEntry e, MethodCallExpr m) {
    if (m.getArguments().isEmpty() && m.getNameAsString().equals("getKey")) {
      return Optional.of(e.key());
    }
    if (m.getArguments().isEmpty() && m.getNameAsString().equals("getValue")) {
      IrType value = ((MapType) e.map().type()).value();
      return Optional.of(ExpressionTranslator.call(Builtin.MAP_GET, value, e.map(), e.key()));
    }
    return x.unsupported(
        m,
        "'" + m.getNameAsString() + "' is not supported on a map entry in workflow code",
        "read " + e.name() + ".getKey() and " + e.name() + ".getValue(); change the map with put");
  }

  /**
   * A method of a caught error: {@code getMessage()}, and {@code cause()} of a {@code
   * WorkflowFailure} (which is its message). Its {@code error()} is refused: the clouds name a
   * caught error by its type, not by the name it was thrown with.
   */
  private Optional<Expr> caught(Scope.CatchParameter c, MethodCallExpr m) {
    String name = m.getNameAsString();
    if (m.getArguments().isEmpty()
        && (name.equals("getMessage") || c.workflowFailure() && name.equals("cause"))) {
      return Optional.of(c.message());
    }
    if (m.getArguments().isEmpty() && c.workflowFailure() && name.equals("error")) {
      return x.unsupported(
          m,
          "'"
              + m
              + "' is not supported: a caught error is known by its type on every cloud, not by"
              + " the name it was thrown with",
          "put what the handler needs into the cause when throwing, and read "
              + c.name()
              + ".cause()");
    }
    return x.unsupported(
        m,
        "'" + m + "' is not supported on a caught error",
        "read " + c.name() + ".getMessage()" + (c.workflowFailure() ? " or .cause()" : ""));
  }

  /** The activities interface when {@code scope} is an activity stub field. */
  private Optional<ActivityReader.ActivitiesInterface> stub(Expression scope) {
    String name = null;
    if (scope instanceof NameExpr n && x.scope().lookup(n.getNameAsString()).isEmpty()) {
      name = n.getNameAsString();
    } else if (scope instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      name = f.getNameAsString();
    }
    return Optional.ofNullable(name == null ? null : x.shape().stubs().get(name));
  }

  private Optional<Expr> activity(ActivityReader.ActivitiesInterface iface, MethodCallExpr m) {
    ActivityMethod method = iface.methods().get(m.getNameAsString());
    if (method == null) {
      context.error(
          unit,
          m,
          DiagnosticCode.UNKNOWN_NAME,
          "'"
              + iface.declaration().getNameAsString()
              + "' has no activity '"
              + m.getNameAsString()
              + "'",
          "activities: " + String.join(", ", iface.methods().keySet()));
      return Optional.empty();
    }
    if (m.getArguments().size() != method.parameters().size()) {
      context.error(
          unit,
          m,
          DiagnosticCode.TYPE_MISMATCH,
          "activity '"
              + method.name()
              + "' takes "
              + method.parameters().size()
              + " argument(s), but "
              + m.getArguments().size()
              + " were given",
          "");
      return Optional.empty();
    }
    List<Expr> args = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < method.parameters().size(); i++) {
      Optional<Expr> a = x.translateAs(m.getArgument(i), method.parameters().get(i).type());
      ok &= a.isPresent();
      a.ifPresent(args::add);
    }
    return ok ? Optional.of(x.activityCall(method, args, m)) : Optional.empty();
  }

  private Optional<Expr> unscoped(MethodCallExpr m) {
    String name = m.getNameAsString();
    Optional<String> declaringType = resolvedDeclaringType(m);
    if (declaringType.isPresent() && !declaringType.get().equals(x.shape().className())) {
      Optional<ForbiddenApis.Verdict> v = ForbiddenApis.classify(declaringType.get(), name);
      if (v.isPresent()) {
        return x.forbidden(m, v.get());
      }
    }
    context.error(
        unit,
        m,
        DiagnosticCode.UNSUPPORTED_CALL,
        "call of '" + name + "(...)' is not supported in workflow code",
        "workflow code calls only activities, Durable and the supported library methods;"
            + " inline the helper into the workflow method, or make it an activity");
    return Optional.empty();
  }

  /** The declaring type of an unqualified call, through JavaParser's symbol solver. */
  private static Optional<String> resolvedDeclaringType(MethodCallExpr m) {
    try {
      ResolvedMethodDeclaration d = m.resolve();
      return Optional.of(d.declaringType().getQualifiedName());
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  private Optional<Expr> staticCall(String type, MethodCallExpr m, Optional<IrType> expected) {
    String name = m.getNameAsString();
    switch (type + "." + name) {
      case "java.util.Objects.equals":
        return args(m, 2)
            .map(
                a -> ExpressionTranslator.call(Builtin.EQUALS, IrType.BOOLEAN, a.get(0), a.get(1)));
      case "java.lang.String.valueOf":
        if (m.getArguments().size() == 1) {
          // String.valueOf(sb) is the builder's text.
          return x.translateAllowingBuilder(m.getArgument(0))
              .map(a -> ExpressionTranslator.call(Builtin.STRING_VALUE_OF, IrType.STRING, a));
        }
        return wrongArity(m, 1);
      case "java.lang.String.join":
        return join(m);
      case "java.lang.Math.min":
      case "java.lang.Math.max":
        return minMax(name.equals("min") ? Builtin.MATH_MIN : Builtin.MATH_MAX, m);
      case "java.lang.Math.abs":
        return args(m, 1)
            .flatMap(a -> numeric(a.get(0), m))
            .map(v -> ExpressionTranslator.call(Builtin.MATH_ABS, v.type(), v));
      case "java.lang.Integer.parseInt":
        return typedArgs(m, IrType.STRING)
            .map(a -> ExpressionTranslator.call(Builtin.INTEGER_PARSE_INT, IrType.INT, a.get(0)));
      case "java.lang.Long.parseLong":
        return typedArgs(m, IrType.STRING)
            .map(a -> ExpressionTranslator.call(Builtin.LONG_PARSE_LONG, IrType.LONG, a.get(0)));
      case "java.lang.Double.parseDouble":
        return typedArgs(m, IrType.STRING)
            .map(
                a ->
                    ExpressionTranslator.call(
                        Builtin.DOUBLE_PARSE_DOUBLE, IrType.DOUBLE, a.get(0)));
      case "java.lang.Math.round":
        return round(m);
      case "java.lang.Integer.toString":
      case "java.lang.Long.toString":
      case "java.lang.Double.toString":
      case "java.lang.Boolean.toString":
        return args(m, 1)
            .map(a -> ExpressionTranslator.call(Builtin.STRING_VALUE_OF, IrType.STRING, a.get(0)));
      case "java.lang.String.format":
        return StringFormat.desugar(m, e -> x.translate(e, Optional.empty()), context, unit);
      case "java.util.List.of":
      case "java.util.Arrays.asList":
        return listOf(m, expected);
      case "java.util.Map.of":
        return mapOf(m, expected);
      default:
        break;
    }
    if (type.equals(DURABLE)) {
      return durable(m);
    }
    if (x.enumType(type, m).orElse(null) instanceof IrType.EnumType e) {
      return enumStatic(e, m);
    }
    Optional<ForbiddenApis.Verdict> v = ForbiddenApis.classify(type, name);
    if (v.isPresent()) {
      return x.forbidden(m, v.get());
    }
    String simple = type.substring(type.lastIndexOf('.') + 1);
    context.error(
        unit,
        m,
        DiagnosticCode.UNSUPPORTED_CALL,
        "'" + simple + "." + name + "(...)' is not supported in workflow code",
        type.equals(x.shape().className())
            ? "inline the helper into the workflow method, or make it an activity"
            : "call it from an activity, or see docs/language.md for the supported methods");
    return Optional.empty();
  }

  /** {@code E.valueOf(s)} and {@code E.values()} of an enum declared in the sources. */
  private Optional<Expr> enumStatic(IrType.EnumType e, MethodCallExpr m) {
    switch (m.getNameAsString()) {
      case "valueOf":
        return typedArgs(m, IrType.STRING)
            .map(a -> ExpressionTranslator.call(Builtin.ENUM_VALUE_OF, e, a.get(0)));
      case "values":
        return args(m, 0)
            .map(
                a ->
                    new Expr.ListLiteral(
                        e.constants().stream().map(c -> (Expr) new Expr.Literal(c, e)).toList(),
                        new ListType(e)));
      default:
        context.error(
            unit,
            m,
            DiagnosticCode.UNSUPPORTED_CALL,
            "'" + e.simpleName() + "." + m.getNameAsString() + "(...)' is not supported",
            "enums offer "
                + e.simpleName()
                + ".valueOf(s), "
                + e.simpleName()
                + ".values(),"
                + " e.name() and e.ordinal()");
        return Optional.empty();
    }
  }

  private Optional<Expr> durable(MethodCallExpr m) {
    String name = m.getNameAsString();
    switch (name) {
      case "executionId":
        return args(m, 0).map(a -> ExpressionTranslator.call(Builtin.EXECUTION_ID, IrType.STRING));
      case "activities":
        context.error(
            unit,
            m,
            DiagnosticCode.MISPLACED_ACTIVITY_STUB,
            "'Durable.activities(...)' is only supported as a field initializer",
            "declare a field: private final X act = Durable.activities(X.class);");
        return Optional.empty();
      default:
        // Durable's effects (sleep, map, parallel, awaitCallback) reach here only from inside an
        // expression; Effects takes them where they stand as statements or initializers.
        context.error(
            unit,
            m,
            Effects.isEffect(name)
                ? DiagnosticCode.MISPLACED_DURABLE_CALL
                : DiagnosticCode.UNSUPPORTED_CALL,
            "'Durable."
                + name
                + "(...)' is only supported as a statement of its own or an"
                + " initializer, e.g. 'var r = Durable."
                + name
                + "(...);'",
            "");
        return Optional.empty();
    }
  }

  private Optional<Expr> instanceCall(Expr receiver, MethodCallExpr m) {
    String name = m.getNameAsString();
    IrType type = receiver.type();
    if (type.equals(IrType.NULL)) {
      // A local whose declaration was already reported (javac rejects calls on a null literal).
      return Optional.empty();
    }
    if (name.equals("equals")) {
      return args(m, 1)
          .map(
              a ->
                  ExpressionTranslator.call(
                      Builtin.EQUALS,
                      IrType.BOOLEAN,
                      // x.equals(y) calls a method on x: NullPointerException when x is null.
                      type instanceof IrType.Primitive p && p.kind() != IrType.PrimitiveKind.STRING
                          ? receiver
                          : new Expr.Call(
                              Builtin.REQUIRE_NON_NULL, List.of(receiver), receiver.type()),
                      a.get(0)));
    }
    if (name.equals("toString") && m.getArguments().isEmpty()) {
      return Optional.of(
          type.equals(IrType.STRING)
              ? receiver
              : ExpressionTranslator.call(Builtin.STRING_VALUE_OF, IrType.STRING, receiver));
    }
    if ((type instanceof ListType || type instanceof MapType) && MUTATIONS.contains(name)) {
      context.error(
          unit,
          m,
          DiagnosticCode.UNSUPPORTED_CALL,
          "'"
              + name
              + "' changes the collection, so it must be a statement of its own on a local variable",
          name.equals("remove") && type instanceof ListType
              ? "read the element first, then remove it: var v = xs.get(i); xs.remove(i);"
              : "write it as a statement, e.g. xs." + name + "(...);");
      return Optional.empty();
    }
    if (type instanceof ListType && name.equals("stream")) {
      Optional<String> op = Streams.unsupportedOperation(m);
      if (op.isPresent()) {
        context.error(
            unit,
            m,
            DiagnosticCode.UNSUPPORTED_CALL,
            "stream operation '" + op.get() + "' is not supported in workflow code",
            "use filter, map, mapToInt/Long/Double, flatMap, limit, skip, sorted, distinct, then"
                + " toList, collect, count, sum, reduce, max, min, average, a match or forEach; or"
                + " a for-each loop");
        return Optional.empty();
      }
      context.error(
          unit,
          m,
          DiagnosticCode.UNSUPPORTED_EXPRESSION,
          "a stream pipeline here must end in toList, collect, count, sum, reduce, a match or"
              + " forEach, or unwrap max, min or average with orElse or getAsInt/get, and"
              + " initialize a local, be assigned to one, be returned, or stand alone",
          "List<String> names = items.stream().map(i -> i.name()).toList();");
      return Optional.empty();
    }
    if (type.equals(IrType.STRING) && STRING_METHODS.contains(name)) {
      return stringCall(receiver, m);
    }
    if (type instanceof ListType l && LIST_METHODS.contains(name)) {
      return listCall(receiver, l, m);
    }
    if (type instanceof MapType mt && MAP_METHODS.contains(name)) {
      return mapCall(receiver, mt, m);
    }
    if (type instanceof RecordType r && m.getArguments().isEmpty()) {
      Optional<IrType.Component> c = r.component(name);
      if (c.isPresent()) {
        return Optional.of(new Expr.FieldGet(receiver, name, c.get().type()));
      }
    }
    if (type instanceof IrType.EnumType && name.equals("name") && m.getArguments().isEmpty()) {
      return Optional.of(ExpressionTranslator.call(Builtin.ENUM_NAME, IrType.STRING, receiver));
    }
    if (type instanceof IrType.EnumType && name.equals("ordinal") && m.getArguments().isEmpty()) {
      return Optional.of(ExpressionTranslator.call(Builtin.ENUM_ORDINAL, IrType.INT, receiver));
    }
    context.error(
        unit,
        m,
        DiagnosticCode.UNSUPPORTED_CALL,
        "'" + type.javaName() + "." + name + "(...)' is not supported in workflow code",
        type instanceof RecordType r
            ? "records offer their accessors: "
                + String.join(", ", r.components().stream().map(c -> c.name() + "()").toList())
            : "see docs/language.md for the supported methods");
    return Optional.empty();
  }

  private Optional<Expr> stringCall(Expr s, MethodCallExpr m) {
    return switch (m.getNameAsString()) {
      case "length" -> method(Builtin.STRING_LENGTH, IrType.INT, s, m);
      case "isEmpty" -> method(Builtin.STRING_IS_EMPTY, IrType.BOOLEAN, s, m);
      case "contains" -> method(Builtin.STRING_CONTAINS, IrType.BOOLEAN, s, m, IrType.STRING);
      case "startsWith" -> method(Builtin.STRING_STARTS_WITH, IrType.BOOLEAN, s, m, IrType.STRING);
      case "endsWith" -> method(Builtin.STRING_ENDS_WITH, IrType.BOOLEAN, s, m, IrType.STRING);
      case "toUpperCase" -> method(Builtin.STRING_TO_UPPER_CASE, IrType.STRING, s, m);
      case "toLowerCase" -> method(Builtin.STRING_TO_LOWER_CASE, IrType.STRING, s, m);
      case "trim" -> method(Builtin.STRING_TRIM, IrType.STRING, s, m);
      case "indexOf" ->
          m.getArguments().size() == 2
              ? method(Builtin.STRING_INDEX_OF_FROM, IrType.INT, s, m, IrType.STRING, IrType.INT)
              : method(Builtin.STRING_INDEX_OF, IrType.INT, s, m, IrType.STRING);
      case "repeat" -> method(Builtin.STRING_REPEAT, IrType.STRING, s, m, IrType.INT);
      case "strip" -> method(Builtin.STRING_STRIP, IrType.STRING, s, m);
      case "stripLeading" -> method(Builtin.STRING_STRIP_LEADING, IrType.STRING, s, m);
      case "stripTrailing" -> method(Builtin.STRING_STRIP_TRAILING, IrType.STRING, s, m);
      case "charAt" -> charAt(m);
      case "lastIndexOf" -> method(Builtin.STRING_LAST_INDEX_OF, IrType.INT, s, m, IrType.STRING);
      case "replace" ->
          method(Builtin.STRING_REPLACE, IrType.STRING, s, m, IrType.STRING, IrType.STRING);
      case "isBlank" -> method(Builtin.STRING_IS_BLANK, IrType.BOOLEAN, s, m);
      case "equalsIgnoreCase" ->
          method(Builtin.STRING_EQUALS_IGNORE_CASE, IrType.BOOLEAN, s, m, IrType.STRING);
      case "split" -> split(s, m);
      case "substring" ->
          m.getArguments().size() == 2
              ? method(Builtin.STRING_SUBSTRING, IrType.STRING, s, m, IrType.INT, IrType.INT)
              : method(Builtin.STRING_SUBSTRING, IrType.STRING, s, m, IrType.INT);
      default -> throw new IllegalStateException("unlisted method " + m.getNameAsString());
    };
  }

  /**
   * {@code s.charAt(i)} is refused: a {@code char} is a number in arithmetic and a character in
   * concatenation, and workflow values have no such type.
   */
  private Optional<Expr> charAt(MethodCallExpr m) {
    context.error(
        unit,
        m,
        DiagnosticCode.UNSUPPORTED_CALL,
        "'charAt' returns a char, which workflow code does not support",
        "take a one-character String: "
            + m.getScope().map(Object::toString).orElse("s")
            + ".substring(i, i + 1)");
    return Optional.empty();
  }

  private Optional<Expr> listCall(Expr list, ListType type, MethodCallExpr m) {
    IrType e = type.element();
    return switch (m.getNameAsString()) {
      case "size" -> method(Builtin.LIST_SIZE, IrType.INT, list, m);
      case "isEmpty" -> method(Builtin.LIST_IS_EMPTY, IrType.BOOLEAN, list, m);
      case "get" -> method(Builtin.LIST_GET, e, list, m, IrType.INT);
      case "contains" -> method(Builtin.LIST_CONTAINS, IrType.BOOLEAN, list, m, e);
      case "indexOf" -> method(Builtin.LIST_INDEX_OF, IrType.INT, list, m, e);
      case "subList" -> method(Builtin.LIST_SUB_LIST, type, list, m, IrType.INT, IrType.INT);
      default -> throw new IllegalStateException("unlisted method " + m.getNameAsString());
    };
  }

  /**
   * Whether Java unboxes the value of {@code m}, a {@code map.get} of numbers or booleans, where it
   * stands: a primitive local or assignment, arithmetic, a comparison with a primitive, a
   * condition, a cast or a primitive {@code return}. A missing key makes that a {@code
   * NullPointerException} in Java, and the clouds would carry the null on.
   */
  private static boolean unboxed(IrType value, MethodCallExpr m) {
    if (!(value instanceof Primitive p) || p.kind() == IrType.PrimitiveKind.STRING) {
      return false;
    }
    Node child = m;
    Node parent = m.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr) {
      child = parent;
      parent = parent.getParentNode().orElse(null);
    }
    try {
      if (parent instanceof VariableDeclarator v) {
        return v.getInitializer().map(i -> i == m).orElse(false) && v.getType().isPrimitiveType();
      }
      if (parent instanceof AssignExpr a) {
        return a.getValue() == child && a.getTarget().calculateResolvedType().isPrimitive();
      }
      if (parent instanceof BinaryExpr b) {
        if (b.getOperator() == BinaryExpr.Operator.EQUALS
            || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS) {
          Expression other = b.getLeft() == child ? b.getRight() : b.getLeft();
          return other.calculateResolvedType().isPrimitive();
        }
        Expression other = b.getLeft() == child ? b.getRight() : b.getLeft();
        return b.getOperator() != BinaryExpr.Operator.PLUS || !isString(other);
      }
      if (parent instanceof UnaryExpr
          || parent instanceof CastExpr c && c.getType().isPrimitiveType()) {
        return true;
      }
      if (parent instanceof IfStmt || parent instanceof WhileStmt || parent instanceof DoStmt) {
        return true;
      }
      if (parent instanceof ConditionalExpr c) {
        return c.getCondition() == child;
      }
      if (parent instanceof ReturnStmt && m.findAncestor(LambdaExpr.class).isEmpty()) {
        return m.findAncestor(MethodDeclaration.class)
            .map(d -> d.getType().isPrimitiveType())
            .orElse(false);
      }
    } catch (RuntimeException unresolved) {
      return false;
    }
    return false;
  }

  private static boolean isString(Expression e) {
    try {
      return e.calculateResolvedType().describe().equals("java.lang.String");
    } catch (RuntimeException unresolved) {
      return e.isStringLiteralExpr();
    }
  }

  private Optional<Expr> refuseUnboxing(MethodCallExpr m) {
    String map = m.getScope().map(Object::toString).orElse("map");
    String key = m.getArguments().isEmpty() ? "key" : m.getArgument(0).toString();
    return x.unsupported(
        m,
        "'"
            + m
            + "' is unboxed here: for a missing key Java throws NullPointerException, and the"
            + " clouds cannot",
        "give a default: "
            + map
            + ".getOrDefault("
            + key
            + ", 0), or test "
            + map
            + ".containsKey("
            + key
            + ") first");
  }

  private Optional<Expr> mapCall(Expr map, MapType type, MethodCallExpr m) {
    IrType v = type.value();
    return switch (m.getNameAsString()) {
      case "get" ->
          unboxed(v, m) ? refuseUnboxing(m) : method(Builtin.MAP_GET, v, map, m, IrType.STRING);
      case "getOrDefault" -> method(Builtin.MAP_GET_OR_DEFAULT, v, map, m, IrType.STRING, v);
      case "containsKey" -> method(Builtin.MAP_CONTAINS_KEY, IrType.BOOLEAN, map, m, IrType.STRING);
      case "keySet" -> method(Builtin.MAP_KEY_SET, new ListType(IrType.STRING), map, m);
      case "values" -> method(Builtin.MAP_VALUES, new ListType(v), map, m);
      case "size" -> method(Builtin.MAP_SIZE, IrType.INT, map, m);
      default -> throw new IllegalStateException("unlisted method " + m.getNameAsString());
    };
  }

  /**
   * {@code receiver.m(args)} as the call {@code builtin(receiver, args...)} of type {@code result},
   * once the arguments check against {@code params}; empty (and reported) when they do not.
   */
  private Optional<Expr> method(
      Builtin builtin, IrType result, Expr receiver, MethodCallExpr m, IrType... params) {
    return typedArgs(m, params)
        .map(
            args -> {
              List<Expr> all = new ArrayList<>(List.of(receiver));
              all.addAll(args);
              return new Expr.Call(builtin, all, result);
            });
  }

  /**
   * {@code s.split(regex)}: the regular expression must be known when compiling (a literal or a
   * constant) and mean the same on every target ({@link PortableRegex}).
   */
  private Optional<Expr> split(Expr s, MethodCallExpr m) {
    Optional<Expr> call =
        method(Builtin.STRING_SPLIT, new ListType(IrType.STRING), s, m, IrType.STRING);
    if (call.isEmpty()) {
      return call;
    }
    Expr regex = ((Expr.Call) call.get()).arguments().get(1);
    if (!(regex instanceof Expr.Literal l && l.value() instanceof String text)) {
      context.error(
          unit,
          m.getArgument(0),
          DiagnosticCode.UNSUPPORTED_CALL,
          "split takes a regular expression written in the code (a literal or a constant)",
          "write e.g. s.split(\",\") or s.split(\"\\\\s+\"); to split by text that varies, do it"
              + " in an activity");
      return Optional.empty();
    }
    Optional<String> problem = PortableRegex.problem(text);
    if (problem.isPresent()) {
      context.error(
          unit,
          m.getArgument(0),
          DiagnosticCode.UNSUPPORTED_CALL,
          "the regular expression \"" + text + "\" " + problem.get(),
          "use characters, escapes like \\s \\d \\., classes like [,;], | and quantifiers;"
              + " or split in an activity");
      return Optional.empty();
    }
    return call;
  }

  private Optional<Expr> join(MethodCallExpr m) {
    if (m.getArguments().size() != 2) {
      return wrongArity(m, 2);
    }
    Optional<Expr> sep = x.translateAs(m.getArgument(0), IrType.STRING);
    Optional<Expr> list = x.translateAs(m.getArgument(1), new ListType(IrType.STRING));
    if (sep.isEmpty() || list.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        ExpressionTranslator.call(Builtin.STRING_JOIN, IrType.STRING, sep.get(), list.get()));
  }

  private Optional<Expr> minMax(Builtin b, MethodCallExpr m) {
    Optional<List<Expr>> a = args(m, 2);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    Optional<Expr> l = numeric(a.get().get(0), m);
    Optional<Expr> r = numeric(a.get().get(1), m);
    if (l.isEmpty() || r.isEmpty()) {
      return Optional.empty();
    }
    Primitive t =
        ExpressionTranslator.promote((Primitive) l.get().type(), (Primitive) r.get().type());
    return Optional.of(
        ExpressionTranslator.call(
            b,
            t,
            ExpressionTranslator.numericConvert(l.get(), t),
            ExpressionTranslator.numericConvert(r.get(), t)));
  }

  /**
   * {@code Math.round(d)} of a {@code double}; Java rounds an {@code int} or {@code long} through
   * {@code float}, which nobody means, so those are refused.
   */
  private Optional<Expr> round(MethodCallExpr m) {
    Optional<List<Expr>> a = args(m, 1);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    if (a.get().get(0).type() != IrType.DOUBLE) {
      context.error(
          unit,
          m,
          DiagnosticCode.TYPE_MISMATCH,
          "Math.round of '"
              + a.get().get(0).type().javaName()
              + "' rounds through float in Java, losing precision",
          "round a double: Math.round((double) x)");
      return Optional.empty();
    }
    return Optional.of(ExpressionTranslator.call(Builtin.MATH_ROUND, IrType.LONG, a.get().get(0)));
  }

  private Optional<Expr> listOf(MethodCallExpr m, Optional<IrType> expected) {
    if (m.getArguments().size() == 1 && isJavaArray(m.getArgument(0))) {
      // List.of(array) lists the array's elements; arrays already are lists in workflow code.
      return x.translate(m.getArgument(0), expected);
    }
    Optional<List<Expr>> a = args(m, m.getArguments().size());
    if (a.isEmpty()) {
      return Optional.empty();
    }
    IrType element =
        expected.filter(t -> t instanceof ListType).map(t -> ((ListType) t).element()).orElse(null);
    for (Expr e : a.get()) {
      if (element == null) {
        element = e.type();
      } else {
        Optional<IrType> u = ExpressionTranslator.unify(element, e.type());
        if (u.isEmpty()) {
          context.error(
              unit,
              m,
              DiagnosticCode.TYPE_MISMATCH,
              "'List.of' mixes '" + element.javaName() + "' and '" + e.type().javaName() + "'",
              "");
          return Optional.empty();
        }
        element = u.get();
      }
    }
    if (element == null) {
      context.error(
          unit,
          m,
          DiagnosticCode.TYPE_MISMATCH,
          "cannot tell the element type of an empty 'List.of()'",
          "declare the variable with its type, e.g. List<String> xs = List.of();");
      return Optional.empty();
    }
    List<Expr> converted = new ArrayList<>();
    for (int i = 0; i < a.get().size(); i++) {
      Optional<Expr> c = x.convert(a.get().get(i), element, m.getArgument(i));
      if (c.isEmpty()) {
        return Optional.empty();
      }
      converted.add(c.get());
    }
    return Optional.of(new Expr.ListLiteral(converted, new ListType(element)));
  }

  /** Whether javac types {@code e} as an array ({@code String.split}, a {@code String[]} local). */
  static boolean isJavaArray(Expression e) {
    try {
      return e.calculateResolvedType().isArray();
    } catch (RuntimeException unresolved) {
      return false;
    }
  }

  private Optional<Expr> mapOf(MethodCallExpr m, Optional<IrType> expected) {
    if (m.getArguments().size() % 2 != 0) {
      return wrongArity(m, m.getArguments().size() + 1);
    }
    Optional<List<Expr>> a = args(m, m.getArguments().size());
    if (a.isEmpty()) {
      return Optional.empty();
    }
    IrType value =
        expected.filter(t -> t instanceof MapType).map(t -> ((MapType) t).value()).orElse(null);
    for (int i = 1; i < a.get().size(); i += 2) {
      IrType t = a.get().get(i).type();
      value = value == null ? t : ExpressionTranslator.unify(value, t).orElse(value);
    }
    if (value == null) {
      context.error(
          unit,
          m,
          DiagnosticCode.TYPE_MISMATCH,
          "cannot tell the value type of an empty 'Map.of()'",
          "declare the variable with its type, e.g. Map<String, Integer> m = Map.of();");
      return Optional.empty();
    }
    List<Expr> entries = new ArrayList<>();
    for (int i = 0; i < a.get().size(); i++) {
      IrType want = i % 2 == 0 ? IrType.STRING : value;
      Optional<Expr> c = x.convert(a.get().get(i), want, m.getArgument(i));
      if (c.isEmpty()) {
        return Optional.empty();
      }
      entries.add(c.get());
    }
    return Optional.of(new Expr.MapLiteral(entries, new MapType(value)));
  }

  private Optional<Expr> numeric(Expr e, MethodCallExpr at) {
    if (e.type().isNumeric()) {
      return Optional.of(e);
    }
    context.error(
        unit,
        at,
        DiagnosticCode.TYPE_MISMATCH,
        "'" + at.getNameAsString() + "' needs numbers, not '" + e.type().javaName() + "'",
        "");
    return Optional.empty();
  }

  /** Translates {@code count} arguments without expected types. */
  private Optional<List<Expr>> args(MethodCallExpr m, int count) {
    if (m.getArguments().size() != count) {
      return wrongArity(m, count);
    }
    List<Expr> out = new ArrayList<>();
    boolean ok = true;
    for (Expression e : m.getArguments()) {
      Optional<Expr> t = x.translate(e, Optional.empty());
      ok &= t.isPresent();
      t.ifPresent(out::add);
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  /** Translates arguments converted to the given parameter types. */
  private Optional<List<Expr>> typedArgs(MethodCallExpr m, IrType... params) {
    if (m.getArguments().size() != params.length) {
      return wrongArity(m, params.length);
    }
    List<Expr> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < params.length; i++) {
      Optional<Expr> t = x.translateAs(m.getArgument(i), params[i]);
      ok &= t.isPresent();
      t.ifPresent(out::add);
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  private <T> Optional<T> wrongArity(MethodCallExpr m, int count) {
    context.error(
        unit,
        m,
        DiagnosticCode.TYPE_MISMATCH,
        "'"
            + m.getNameAsString()
            + "' takes "
            + count
            + " argument(s) here, but "
            + m.getArguments().size()
            + " were given",
        "");
    return Optional.empty();
  }
}
