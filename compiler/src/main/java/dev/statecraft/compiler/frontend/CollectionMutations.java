package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.Builtin;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Expr.Local;
import dev.statecraft.compiler.ir.Exprs;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.IrType.ListType;
import dev.statecraft.compiler.ir.IrType.MapType;
import dev.statecraft.compiler.ir.Stmt;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mutations of local lists and maps ({@code xs.add(x)}, {@code xs.sort(null)}, {@code
 * Collections.sort(xs)}, {@code m.put(k, v)}, {@code m.merge(k, 1, Integer::sum)}), as statements
 * that assign the collection's new value: on the clouds a collection is a value, so {@code
 * xs.add(x)} becomes {@code xs = xs with x added}. Java's reference semantics survive as long as no
 * other name shares the collection, which {@code CheckCollectionAliasing} enforces.
 */
final class CollectionMutations {
  private static final Set<String> LIST = Set.of("add", "set", "remove", "addAll", "clear", "sort");
  private static final Set<String> MAP = Set.of("put", "remove", "merge", "clear", "putAll");

  private final SourceContext context;
  private final ExpressionTranslator x;

  CollectionMutations(SourceContext context, ExpressionTranslator x) {
    this.context = context;
    this.x = x;
  }

  /**
   * Whether {@code m} is a mutation of a local collection; if so its statement is in {@code out}.
   */
  boolean statement(MethodCallExpr m, List<Stmt> out) {
    if (isCollectionsSort(m)) {
      // Collections.sort(xs) is xs.sort(null).
      MethodCallExpr sort =
          new MethodCallExpr(
              m.getArgument(0).clone(),
              "sort",
              new com.github.javaparser.ast.NodeList<>(
                  new com.github.javaparser.ast.expr.NullLiteralExpr()));
      m.getRange().ifPresent(r -> sort.walk(node -> node.setRange(r)));
      sort.setParentNode(m.getParentNode().orElse(null));
      return statement(sort, out);
    }
    if (!(m.getScope().orElse(null) instanceof NameExpr n)) {
      return false;
    }
    Optional<Local> local = x.scope().lookup(n.getNameAsString());
    if (local.isEmpty()) {
      return false;
    }
    IrType type = local.get().type();
    String name = m.getNameAsString();
    boolean list = type instanceof ListType && LIST.contains(name);
    boolean map = type instanceof MapType && MAP.contains(name);
    if (!list && !map) {
      return false;
    }
    if (x.scope().outsideLambda(n.getNameAsString())) {
      context.error(
          x.unit(),
          m,
          DiagnosticCode.INVALID_LAMBDA,
          "a lambda cannot change '" + n + "', a collection of the enclosing workflow code",
          "build the values in the lambda and return them");
      return true;
    }
    Optional<String> source = unmodifiableSource(n, name);
    if (source.isPresent()) {
      context.error(
          x.unit(),
          m,
          DiagnosticCode.IMMUTABLE_COLLECTION,
          "'"
              + n
              + "' is "
              + source.get()
              + ", which cannot be changed: Java throws UnsupportedOperationException here",
          "start from a mutable copy: "
              + n
              + " = new "
              + (list ? "ArrayList" : "HashMap")
              + "<>(...)");
      return true;
    }
    Optional<Expr> value =
        list
            ? listMutation(local.get(), (ListType) type, m)
            : mapMutation(local.get(), (MapType) type, m);
    value.ifPresent(v -> out.add(new Stmt.Assign(local.get(), v, false, x.unit().at(m))));
    return true;
  }

  /**
   * What made {@code n} unmodifiable, when its only value is one: a local initialized with {@code
   * List.of}, {@code Map.of}, {@code List.copyOf}, {@code Map.copyOf}, a stream's {@code toList()}
   * or (for {@code add} and {@code remove}, which change its size) {@code Arrays.asList}, and never
   * assigned again in the method.
   */
  private static Optional<String> unmodifiableSource(NameExpr n, String mutation) {
    Optional<com.github.javaparser.ast.body.CallableDeclaration> method =
        n.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class);
    if (method.isEmpty()) {
      return Optional.empty();
    }
    String name = n.getNameAsString();
    List<com.github.javaparser.ast.body.VariableDeclarator> declared =
        method
            .get()
            .findAll(
                com.github.javaparser.ast.body.VariableDeclarator.class,
                v -> v.getNameAsString().equals(name));
    boolean reassigned =
        !method
            .get()
            .findAll(
                com.github.javaparser.ast.expr.AssignExpr.class,
                a -> a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name))
            .isEmpty();
    if (declared.size() != 1 || reassigned) {
      return Optional.empty();
    }
    if (!(declared.get(0).getInitializer().orElse(null) instanceof MethodCallExpr init)) {
      return Optional.empty();
    }
    String scope = init.getScope().map(Object::toString).orElse("");
    String call = init.getNameAsString();
    if ((scope.equals("List") || scope.equals("Map") || scope.equals("Set"))
        && (call.equals("of") || call.equals("copyOf"))) {
      return Optional.of(
          "a " + scope + "." + call + "(..) " + scope.toLowerCase() + ", unmodifiable");
    }
    if (call.equals("toList") && init.getArguments().isEmpty() && !scope.isEmpty()) {
      return Optional.of("a stream's toList(), unmodifiable");
    }
    if (scope.equals("Arrays")
        && call.equals("asList")
        && (mutation.equals("add")
            || mutation.equals("remove")
            || mutation.equals("addAll")
            || mutation.equals("clear"))) {
      return Optional.of("an Arrays.asList(..) list, of fixed size");
    }
    return Optional.empty();
  }

  private Optional<Expr> listMutation(Local l, ListType type, MethodCallExpr m) {
    List<Expression> args = m.getArguments();
    switch (m.getNameAsString()) {
      case "add":
        if (args.size() == 2) {
          return flat(type, m)
              .flatMap(t -> two(m, IrType.INT, type.element()))
              .map(a -> call(Builtin.LIST_WITH_INSERTED, type, l, a.get(0), a.get(1)));
        }
        return x.translateAs(args.get(0), type.element())
            .map(v -> call(Builtin.LIST_WITH_ADDED, type, l, v));
      case "set":
        return two(m, IrType.INT, type.element())
            .map(a -> call(Builtin.LIST_WITH_SET, type, l, a.get(0), a.get(1)));
      case "remove":
        return args.size() == 1 ? remove(l, type, m) : Optional.empty();
      case "addAll":
        return args.size() == 1
            ? x.translateAs(args.get(0), type).map(v -> call(Builtin.LIST_WITH_ALL, type, l, v))
            : Optional.empty();
      case "sort":
        return sort(l, type, m);
      default: // clear
        return Optional.of(new Expr.ListLiteral(List.of(), type));
    }
  }

  /**
   * {@code xs.remove(a)}: Java picks the overload by the argument's static type, so {@code
   * remove(int)} removes at an index and {@code remove(Object)} (an {@code Integer} too) the first
   * equal element.
   */
  private Optional<Expr> remove(Local l, ListType type, MethodCallExpr m) {
    Expression arg = m.getArgument(0);
    if (arg instanceof com.github.javaparser.ast.expr.CastExpr c) {
      if (c.getType().isPrimitiveType()) {
        return x.translateAs(arg, IrType.INT)
            .map(i -> call(Builtin.LIST_WITHOUT_INDEX, type, l, i));
      }
      arg = c.getExpression(); // (Integer) v, (Object) v: remove(Object)
      return removeValue(l, type, m, arg);
    }
    Optional<Expr> value = x.translate(arg, Optional.empty());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!value.get().type().equals(IrType.INT)) {
      return removeValue(l, type, m, arg);
    }
    Optional<Boolean> primitive = isPrimitive(arg);
    if (primitive.isEmpty()) {
      return unsupported(
          m,
          "cannot tell whether '" + m + "' removes at an index (an int) or a value (an Integer)",
          "say which: xs.remove((int) i) removes at an index, xs.remove((Integer) v) a value");
    }
    return primitive.get()
        ? Optional.of(call(Builtin.LIST_WITHOUT_INDEX, type, l, value.get()))
        : removeValue(l, type, m, arg);
  }

  private Optional<Expr> removeValue(Local l, ListType type, MethodCallExpr m, Expression arg) {
    return flat(type, m)
        .flatMap(t -> x.translateAs(arg, type.element()))
        .map(v -> call(Builtin.LIST_WITHOUT_VALUE, type, l, v));
  }

  /**
   * Whether javac types {@code e} as a primitive (so {@code remove(int)}), as far as can be told:
   * literals and arithmetic are, else the symbol solver decides; empty when it cannot.
   */
  private static Optional<Boolean> isPrimitive(Expression e) {
    if (e instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr
        || e instanceof com.github.javaparser.ast.expr.BinaryExpr
        || e instanceof com.github.javaparser.ast.expr.UnaryExpr) {
      return Optional.of(true);
    }
    try {
      return Optional.of(e.calculateResolvedType().isPrimitive());
    } catch (RuntimeException | LinkageError unresolved) {
      return Optional.empty();
    }
  }

  /** The list type, when its elements are not lists themselves (for insertions and removals). */
  private Optional<ListType> flat(ListType type, MethodCallExpr m) {
    if (type.element() instanceof ListType) {
      return unsupported(
          m,
          "'" + m.getNameAsString() + "' of a list of lists is not supported here",
          "build a new list with a for-each loop");
    }
    return Optional.of(type);
  }

  private boolean isCollectionsSort(MethodCallExpr m) {
    return m.getNameAsString().equals("sort")
        && m.getArguments().size() == 1
        && m.getArgument(0) instanceof NameExpr
        && m.getScope().flatMap(x::typeName).filter("java.util.Collections"::equals).isPresent();
  }

  /**
   * {@code xs.sort(null)} or {@code xs.sort(Comparator.naturalOrder())}: strings and numbers in
   * natural order, equal ones keeping theirs.
   */
  private Optional<Expr> sort(Local l, ListType type, MethodCallExpr m) {
    Expression order = m.getArguments().size() == 1 ? m.getArgument(0) : null;
    boolean natural =
        order instanceof com.github.javaparser.ast.expr.NullLiteralExpr
            || order != null
                && order.toString().matches("(java\\.util\\.)?Comparator\\.naturalOrder\\(\\)");
    if (!natural) {
      return unsupported(
          m,
          "sorting with a comparator is not supported",
          "sort strings or numbers in natural order (xs.sort(null)), or sort in an activity");
    }
    if (!(type.element().equals(IrType.STRING) || type.element().isNumeric())) {
      return unsupported(
          m,
          "sorting sorts strings and numbers here, not '" + type.element().javaName() + "'",
          "sort the keys, or sort in an activity");
    }
    return Optional.of(call(Builtin.LIST_SORTED_IN_PLACE, type, l));
  }

  private Optional<Expr> mapMutation(Local m, MapType type, MethodCallExpr call) {
    List<Expression> args = call.getArguments();
    switch (call.getNameAsString()) {
      case "put":
        return two(call, IrType.STRING, type.value())
            .map(a -> call(Builtin.MAP_WITH_PUT, type, m, a.get(0), a.get(1)));
      case "remove":
        return args.size() == 1
            ? x.translateAs(args.get(0), IrType.STRING)
                .map(k -> call(Builtin.MAP_WITHOUT_KEY, type, m, k))
            : Optional.empty();
      case "merge":
        return merge(m, type, call);
      case "putAll":
        return unsupported(call, "putAll is not supported", "put the entries one by one");
      default: // clear
        return Optional.of(new Expr.MapLiteral(List.of(), type));
    }
  }

  /** {@code m.merge(k, v, f)}: {@code m.put(k, m.containsKey(k) ? f(m.get(k), v) : v)}. */
  private Optional<Expr> merge(Local m, MapType type, MethodCallExpr call) {
    if (call.getArguments().size() != 3) {
      return Optional.empty();
    }
    Optional<Expr> key = x.translateAs(call.getArgument(0), IrType.STRING);
    Optional<Expr> value = x.translateAs(call.getArgument(1), type.value());
    if (key.isEmpty() || value.isEmpty()) {
      return Optional.empty();
    }
    Expr old = call(Builtin.MAP_GET, type.value(), m, key.get());
    Optional<Expr> combined = combine(call.getArgument(2), old, value.get(), type.value());
    if (combined.isEmpty()) {
      return Optional.empty();
    }
    Expr present = call(Builtin.MAP_CONTAINS_KEY, IrType.BOOLEAN, m, key.get());
    Expr newValue = new Expr.Conditional(present, combined.get(), value.get(), type.value());
    return Optional.of(call(Builtin.MAP_WITH_PUT, type, m, key.get(), newValue));
  }

  /** {@code f(a, b)} for the remapping functions Java code uses with merge. */
  private Optional<Expr> combine(Expression f, Expr a, Expr b, IrType type) {
    String ref = f instanceof MethodReferenceExpr r ? r.getScope() + "::" + r.getIdentifier() : "";
    Map<String, Expr.BinaryOp> sums =
        Map.of(
            "Integer::sum",
            Expr.BinaryOp.ADD,
            "Long::sum",
            Expr.BinaryOp.ADD,
            "Double::sum",
            Expr.BinaryOp.ADD);
    if (sums.containsKey(ref) && type.isNumeric()) {
      return Optional.of(new Expr.Binary(Expr.BinaryOp.ADD, a, b, type));
    }
    if (ref.equals("String::concat") && type.equals(IrType.STRING)) {
      return Optional.of(new Expr.Concat(List.of(a, b)));
    }
    if ((ref.equals("Math::max") || ref.equals("Math::min")) && type.isNumeric()) {
      return Optional.of(
          call(ref.endsWith("max") ? Builtin.MATH_MAX : Builtin.MATH_MIN, type, a, b));
    }
    if (f instanceof LambdaExpr l
        && l.getParameters().size() == 2
        && l.getBody() instanceof ExpressionStmt es
        && es.getExpression() instanceof BinaryExpr) {
      x.scope().pushLambda();
      try {
        Local p = x.scope().declare(l.getParameter(0).getNameAsString(), type);
        Local q = x.scope().declare(l.getParameter(1).getNameAsString(), type);
        Optional<Expr> body = x.translateAs(es.getExpression(), type);
        return body.map(e -> substitute(e, Map.of(p.name(), a, q.name(), b)));
      } finally {
        x.scope().pop();
      }
    }
    return unsupported(
        f,
        "this remapping function is not supported",
        "use Integer::sum, Long::sum, Double::sum, String::concat, Math::max, Math::min or (a, b) -> a + b");
  }

  private static Expr substitute(Expr e, Map<String, Expr> values) {
    if (e instanceof Local l && values.containsKey(l.name())) {
      return values.get(l.name());
    }
    List<Expr> children = e.children().stream().map(c -> substitute(c, values)).toList();
    return Exprs.withChildren(e, children);
  }

  private Optional<List<Expr>> two(MethodCallExpr m, IrType first, IrType second) {
    if (m.getArguments().size() != 2) {
      return Optional.empty();
    }
    Optional<Expr> a = x.translateAs(m.getArgument(0), first);
    Optional<Expr> b = x.translateAs(m.getArgument(1), second);
    return a.isPresent() && b.isPresent()
        ? Optional.of(List.of(a.get(), b.get()))
        : Optional.empty();
  }

  private static Expr call(Builtin b, IrType type, Expr... args) {
    return new Expr.Call(b, List.of(args), type);
  }

  private <T> Optional<T> unsupported(
      com.github.javaparser.ast.Node at, String message, String hint) {
    context.error(
        x.unit(), at, DiagnosticCode.UNSUPPORTED_CALL, message + " in workflow code", hint);
    return Optional.empty();
  }
}
