package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.Builtin;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Expr.BinaryOp;
import dev.statecraft.compiler.ir.Expr.Literal;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.IrType.ListType;
import dev.statecraft.compiler.ir.IrType.Primitive;
import dev.statecraft.compiler.ir.IrType.PrimitiveKind;
import dev.statecraft.compiler.ir.IrType.RecordType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Types and translates Java expressions into IR expressions, with Java's own rules: binary numeric
 * promotion, assignment conversion, string conversion for {@code +}, truncating integer division.
 * Each method returns empty after reporting a diagnostic, so translation goes on and every error in
 * a body is reported.
 */
final class ExpressionTranslator {
  private final SourceContext context;
  private final ParsedUnit unit;
  private final TypeMapper types;
  private final WorkflowShape shape;
  private final Scope scope;
  private final Set<ActivityMethod> usedActivities = new LinkedHashSet<>();
  private final MethodCalls calls;
  private final StringBuilders builders;

  ExpressionTranslator(
      SourceContext context, ParsedUnit unit, TypeMapper types, WorkflowShape shape, Scope scope) {
    this.context = context;
    this.unit = unit;
    this.types = types;
    this.shape = shape;
    this.scope = scope;
    this.calls = new MethodCalls(this, context, unit);
    this.builders = new StringBuilders(context, this);
  }

  /** Activity methods called so far, in first-call order. */
  List<ActivityMethod> usedActivities() {
    return List.copyOf(usedActivities);
  }

  ParsedUnit unit() {
    return unit;
  }

  TypeMapper types() {
    return types;
  }

  /** Translates {@code e}; {@code expected} types empty {@code List.of()} and {@code null}. */
  Optional<Expr> translate(Expression e, Optional<IrType> expected) {
    if (e instanceof EnclosedExpr en) {
      return translate(en.getInner(), expected);
    }
    if (e instanceof StringLiteralExpr s) {
      return Optional.of(Literal.of(s.asString()));
    }
    if (e instanceof TextBlockLiteralExpr t) {
      return Optional.of(Literal.of(t.asString()));
    }
    if (e instanceof IntegerLiteralExpr i) {
      return Optional.of(new Literal(i.asNumber().intValue(), IrType.INT));
    }
    if (e instanceof LongLiteralExpr l) {
      return Optional.of(new Literal(l.asNumber().longValue(), IrType.LONG));
    }
    if (e instanceof DoubleLiteralExpr d) {
      return doubleLiteral(d);
    }
    if (e instanceof BooleanLiteralExpr b) {
      return Optional.of(Literal.of(b.getValue()));
    }
    if (e instanceof NullLiteralExpr) {
      return Optional.of(new Literal(null, expected.orElse(IrType.NULL)));
    }
    if (e instanceof CharLiteralExpr) {
      return unsupportedType(e, "'char' is not a workflow value type", "use a one-letter String");
    }
    if (e instanceof NameExpr n) {
      return name(n);
    }
    if (e instanceof FieldAccessExpr f) {
      return fieldAccess(f);
    }
    if (e instanceof MethodCallExpr m) {
      return calls.translate(m, expected);
    }
    if (e instanceof ObjectCreationExpr o) {
      return creation(o, expected);
    }
    if (e instanceof BinaryExpr b) {
      return binary(b);
    }
    if (e instanceof UnaryExpr u) {
      return unary(u);
    }
    if (e instanceof ConditionalExpr c) {
      return conditional(c, expected);
    }
    if (e instanceof CastExpr c) {
      return cast(c);
    }
    if (e instanceof ArrayAccessExpr a) {
      return arrayAccess(a);
    }
    return unsupported(e, describe(e) + " is not supported in workflow code", hintFor(e));
  }

  /** Translates a condition, which must be {@code boolean}. */
  Optional<Expr> condition(Expression e) {
    return translate(e, Optional.of(IrType.BOOLEAN)).flatMap(x -> convert(x, IrType.BOOLEAN, e));
  }

  /** Translates {@code e} and converts it to {@code to} as Java's assignment conversion does. */
  Optional<Expr> translateAs(Expression e, IrType to) {
    return translate(e, Optional.of(to)).flatMap(x -> convert(x, to, e));
  }

  /** Assignment conversion: identity, widening, or {@code null} into a reference type. */
  Optional<Expr> convert(Expr value, IrType to, Node at) {
    IrType from = value.type();
    if (from.equals(to)) {
      return Optional.of(value);
    }
    if (from instanceof IrType.NullType && IrType.assignable(from, to)) {
      return Optional.of(new Literal(null, to));
    }
    if (from instanceof Primitive f
        && to instanceof Primitive t
        && IrType.widens(f.kind(), t.kind())) {
      return Optional.of(numericConvert(value, t));
    }
    if (from instanceof ListType
        && to instanceof ListType
        && value instanceof Expr.ListLiteral l
        && l.elements().isEmpty()) {
      return Optional.of(new Expr.ListLiteral(List.of(), (ListType) to));
    }
    context.error(
        unit,
        at,
        DiagnosticCode.TYPE_MISMATCH,
        "expected '" + to.javaName() + "' but '" + at + "' is '" + from.javaName() + "'",
        from.isNumeric() && to.isNumeric()
            ? "narrowing needs an explicit cast, e.g. (" + to.javaName() + ") x"
            : "");
    return Optional.empty();
  }

  /** A numeric conversion, folded into the literal when the value is one. */
  static Expr numericConvert(Expr value, Primitive to) {
    if (value.type().equals(to)) {
      return value;
    }
    if (value instanceof Literal l && l.value() instanceof Number n) {
      return switch (to.kind()) {
        case INT -> new Literal(n.intValue(), to);
        case LONG -> new Literal(n.longValue(), to);
        case DOUBLE -> new Literal(n.doubleValue(), to);
        default -> new Expr.Convert(value, to);
      };
    }
    return new Expr.Convert(value, to);
  }

  private Optional<Expr> doubleLiteral(DoubleLiteralExpr d) {
    String text = d.getValue();
    if (text.endsWith("f") || text.endsWith("F")) {
      return unsupportedType(
          d, "'float' is not a workflow value type", "use a double: drop the 'f'");
    }
    return Optional.of(new Literal(d.asDouble(), IrType.DOUBLE));
  }

  private Optional<Expr> name(NameExpr n) {
    String name = n.getNameAsString();
    Optional<Expr.Local> local = scope.lookup(name);
    if (local.isPresent() && scope.isBuilder(name)) {
      builders.shared(n);
      return Optional.empty();
    }
    if (local.isPresent()) {
      return Optional.of(local.get());
    }
    if (shape.constants().containsKey(name)) {
      return Optional.of(shape.constants().get(name));
    }
    if (scope.catchParameter(name).isPresent()) {
      return unsupported(
          n,
          "catch parameter '" + name + "' is not a value",
          "read " + name + ".getMessage(), or rethrow it with throw " + name + ";");
    }
    if (scope.entry(name).isPresent()) {
      return unsupported(
          n,
          "map entry '" + name + "' is not a value",
          "read " + name + ".getKey() and " + name + ".getValue()");
    }
    if (shape.stubs().containsKey(name)) {
      return unsupported(
          n,
          "activity stub '" + name + "' is not a value",
          "call an activity on it, e.g. " + name + ".someActivity(...)");
    }
    context.error(
        unit,
        n,
        DiagnosticCode.UNKNOWN_NAME,
        "cannot find '" + name + "'",
        "workflow code reads its parameter, its local variables, static final constants and"
            + " enum constants");
    return Optional.empty();
  }

  /**
   * {@code parts[i]}: arrays are read-only lists (javac has checked that {@code parts} is one, so
   * its IR type is a list).
   */
  private Optional<Expr> arrayAccess(ArrayAccessExpr a) {
    Optional<Expr> array = translate(a.getName(), Optional.empty());
    Optional<Expr> index = translate(a.getIndex(), Optional.of(IrType.INT));
    if (array.isEmpty() || index.isEmpty()) {
      return Optional.empty();
    }
    if (!(array.get().type() instanceof ListType list)) {
      return unsupported(a, "'" + a.getName() + "' is not an array", "");
    }
    if (index.get().type() != IrType.INT) {
      context.error(
          unit,
          a.getIndex(),
          DiagnosticCode.TYPE_MISMATCH,
          "an array index must be an 'int', not '" + index.get().type().javaName() + "'",
          "");
      return Optional.empty();
    }
    return Optional.of(call(Builtin.ARRAY_GET, list.element(), array.get(), index.get()));
  }

  private Optional<Expr> fieldAccess(FieldAccessExpr f) {
    if (f.getNameAsString().equals("length") && typeName(f.getScope()).isEmpty()) {
      // Only arrays have a 'length' field among workflow values: records expose accessors.
      Optional<Expr> array = translate(f.getScope(), Optional.empty());
      if (array.isPresent() && array.get().type() instanceof ListType) {
        return Optional.of(call(Builtin.LIST_SIZE, IrType.INT, array.get()));
      }
      if (array.isEmpty()) {
        return Optional.empty();
      }
    }
    Optional<String> type = typeName(f.getScope());
    if (type.isPresent()) {
      Optional<IrType> enumType = enumType(type.get(), f);
      if (enumType.isPresent() && enumType.get() instanceof IrType.EnumType et) {
        String constant = f.getNameAsString();
        if (et.constants().contains(constant)) {
          return Optional.of(new Literal(constant, et));
        }
        context.error(
            unit,
            f,
            DiagnosticCode.UNKNOWN_NAME,
            "enum '" + et.simpleName() + "' has no constant '" + constant + "'",
            "");
        return Optional.empty();
      }
      Optional<ForbiddenApis.Verdict> verdict =
          ForbiddenApis.classify(type.get(), f.getNameAsString());
      if (verdict.isPresent()) {
        return forbidden(f, verdict.get());
      }
      return unsupported(
          f,
          "static field '" + f + "' is not supported in workflow code",
          "copy the value into a static final constant of the workflow class");
    }
    if (f.getScope() instanceof ThisExpr) {
      if (shape.stubs().containsKey(f.getNameAsString())) {
        return unsupported(f, "activity stub '" + f + "' is not a value", "call an activity on it");
      }
      NameExpr bare = new NameExpr(f.getNameAsString());
      f.getRange().ifPresent(bare::setRange);
      return name(bare);
    }
    return unsupported(
        f,
        "field access '" + f + "' is not supported",
        "read record components through their accessor, e.g. "
            + f.getScope()
            + "."
            + f.getNameAsString()
            + "()");
  }

  /** The enum type declared in the sources under {@code qualifiedName}, if it is one. */
  Optional<IrType> enumType(String qualifiedName, Node at) {
    Optional<TypeTable.Declared> d = context.types().declared(qualifiedName);
    if (d.isPresent() && d.get().declaration().isEnumDeclaration()) {
      return types.declared(qualifiedName, at, unit);
    }
    return Optional.empty();
  }

  /** The qualified type a scope expression names, when it names a type rather than a value. */
  Optional<String> typeName(Expression scopeExpr) {
    if (scopeExpr instanceof NameExpr n
        && scope.lookup(n.getNameAsString()).isEmpty()
        && !shape.stubs().containsKey(n.getNameAsString())
        && !shape.constants().containsKey(n.getNameAsString())) {
      return context.types().resolve(n.getNameAsString(), n, unit);
    }
    if (scopeExpr instanceof FieldAccessExpr f && isTypeLike(f)) {
      return context.types().resolve(f.toString(), f, unit);
    }
    return Optional.empty();
  }

  private boolean isTypeLike(FieldAccessExpr f) {
    Expression s = f.getScope();
    while (s instanceof FieldAccessExpr inner) {
      s = inner.getScope();
    }
    return s instanceof NameExpr n && scope.lookup(n.getNameAsString()).isEmpty();
  }

  private static final java.util.Set<String> COLLECTIONS =
      java.util.Set.of(
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.HashMap",
          "java.util.LinkedHashMap");

  /** {@code new ArrayList<>()}, {@code new HashMap<>(other)}: a fresh, mutable collection. */
  private Optional<Expr> collection(ObjectCreationExpr o, String name, Optional<IrType> expected) {
    boolean list = name.endsWith("List");
    Optional<IrType> declared =
        o.getType().getTypeArguments().filter(a -> !a.isEmpty()).isPresent()
            ? types.map(o.getType(), unit).map(t -> t) // ArrayList<T> maps like List<T>
            : expected;
    if (o.getArguments().size() > 1) {
      return unsupported(o, "'new " + o.getType() + "(...)' takes at most one argument here", "");
    }
    if (o.getArguments().size() == 1) {
      Optional<Expr> source = translate(o.getArgument(0), declared);
      if (source.isEmpty()) {
        return Optional.empty();
      }
      IrType t = source.get().type();
      if (list ? !(t instanceof IrType.ListType) : !(t instanceof IrType.MapType)) {
        return unsupported(
            o,
            "'new "
                + o.getType()
                + "(...)' copies a "
                + (list ? "List" : "Map")
                + " here, not '"
                + t.javaName()
                + "'",
            "pass no argument for an empty collection");
      }
      return Optional.of(
          call(list ? Builtin.NEW_LIST : Builtin.NEW_MAP, declared.orElse(t), source.get()));
    }
    IrType type = declared.orElse(null);
    if (type == null
        || (list ? !(type instanceof IrType.ListType) : !(type instanceof IrType.MapType))) {
      context.error(
          unit,
          o,
          DiagnosticCode.TYPE_MISMATCH,
          "cannot tell the element type of '" + o + "'",
          "declare the variable with its type, e.g. List<String> xs = new ArrayList<>();");
      return Optional.empty();
    }
    Expr empty =
        list
            ? new Expr.ListLiteral(List.of(), (IrType.ListType) type)
            : new Expr.MapLiteral(List.of(), (IrType.MapType) type);
    return Optional.of(call(list ? Builtin.NEW_LIST : Builtin.NEW_MAP, type, empty));
  }

  /**
   * {@code new Child().run(input)}: the child workflow {@code child} run as a child execution,
   * after checking the call names its workflow method with the right argument.
   */
  Optional<Expr.ChildCall> childCall(SourceContext.WorkflowSignature child, MethodCallExpr m) {
    if (!m.getNameAsString().equals(child.methodName())) {
      context.error(
          unit,
          m,
          DiagnosticCode.INVALID_LAMBDA,
          "'" + m.getNameAsString() + "' is not the workflow method of '" + child.name() + "'",
          "write e.g. call new X()." + child.methodName() + "(...)");
      return Optional.empty();
    }
    int params = child.input().isPresent() ? 1 : 0;
    if (m.getArguments().size() != params) {
      context.error(
          unit,
          m,
          DiagnosticCode.TYPE_MISMATCH,
          "workflow '" + child.name() + "' takes " + params + " argument(s)",
          "");
      return Optional.empty();
    }
    Optional<Expr> input = Optional.empty();
    if (params == 1) {
      input = translateAs(m.getArgument(0), child.input().get());
      if (input.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(new Expr.ChildCall(child.name(), input, child.output(), unit.at(m)));
  }

  Optional<Expr> misplacedEffect(Node at, String what) {
    context.error(
        unit,
        at,
        DiagnosticCode.MISPLACED_DURABLE_CALL,
        what
            + " must be a statement of its own, initialize a variable, be assigned, or be returned",
        "write e.g. var result = ...; and use result in the expression");
    return Optional.empty();
  }

  private Optional<Expr> creation(ObjectCreationExpr o) {
    return creation(o, Optional.empty());
  }

  private Optional<Expr> creation(ObjectCreationExpr o, Optional<IrType> expected) {
    ClassOrInterfaceType t = o.getType();
    Optional<String> name = context.types().resolve(t, unit);
    if (o.getAnonymousClassBody().isPresent()) {
      return unsupported(o, "anonymous classes are not supported in workflow code", "");
    }
    if (name.isPresent()) {
      Optional<ForbiddenApis.Verdict> verdict = ForbiddenApis.classify(name.get(), "new");
      if (verdict.isPresent()) {
        return forbidden(o, verdict.get());
      }
      if (name.get().equals(SourceContext.API + "WorkflowFailure")) {
        return unsupported(
            o,
            "'new WorkflowFailure(...)' is only supported directly in a throw statement",
            "write: throw new WorkflowFailure(\"ErrorName\", \"what happened\");");
      }
    }
    if (name.isPresent() && COLLECTIONS.contains(name.get())) {
      return collection(o, name.get(), expected);
    }
    if (name.isPresent() && context.workflows().containsKey(name.get())) {
      return misplacedEffect(o, "a child workflow call");
    }
    Optional<IrType> type = types.map(t, unit);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    if (!(type.get() instanceof RecordType r)) {
      return unsupported(
          o, "'new " + t + "(...)' is not supported in workflow code", "construct records only");
    }
    if (o.getArguments().size() != r.components().size()) {
      context.error(
          unit,
          o,
          DiagnosticCode.TYPE_MISMATCH,
          "record '"
              + r.simpleName()
              + "' has "
              + r.components().size()
              + " components, but "
              + o.getArguments().size()
              + " arguments were given",
          "pass one argument per component: " + components(r));
      return Optional.empty();
    }
    List<Expr> args = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < r.components().size(); i++) {
      Optional<Expr> a = translateAs(o.getArgument(i), r.components().get(i).type());
      ok &= a.isPresent();
      a.ifPresent(args::add);
    }
    return ok ? Optional.of(new Expr.NewRecord(r, args)) : Optional.empty();
  }

  private static String components(RecordType r) {
    return r.simpleName()
        + "("
        + String.join(
            ", ", r.components().stream().map(c -> c.type().javaName() + " " + c.name()).toList())
        + ")";
  }

  private Optional<Expr> binary(BinaryExpr b) {
    BinaryExpr.Operator op = b.getOperator();
    // A StringBuilder's text takes part in string concatenation ("a" + sb) as in Java.
    boolean plus = op == BinaryExpr.Operator.PLUS;
    Optional<Expr> left =
        plus ? translateAllowingBuilder(b.getLeft()) : translate(b.getLeft(), Optional.empty());
    Optional<Expr> right =
        plus ? translateAllowingBuilder(b.getRight()) : translate(b.getRight(), Optional.empty());
    if (left.isEmpty() || right.isEmpty()) {
      return Optional.empty();
    }
    Expr l = left.get();
    Expr r = right.get();
    return switch (op) {
      case PLUS ->
          l.type().equals(IrType.STRING) || r.type().equals(IrType.STRING)
              ? reportsArrays(b.getLeft(), b.getRight())
                  ? Optional.empty()
                  : Optional.of(concat(l, r))
              : arithmetic(BinaryOp.ADD, l, r, b);
      case MINUS -> arithmetic(BinaryOp.SUBTRACT, l, r, b);
      case MULTIPLY -> arithmetic(BinaryOp.MULTIPLY, l, r, b);
      case DIVIDE -> arithmetic(BinaryOp.DIVIDE, l, r, b);
      case REMAINDER -> arithmetic(BinaryOp.REMAINDER, l, r, b);
      case LESS -> comparison(BinaryOp.LESS, l, r, b);
      case LESS_EQUALS -> comparison(BinaryOp.LESS_EQUAL, l, r, b);
      case GREATER -> comparison(BinaryOp.GREATER, l, r, b);
      case GREATER_EQUALS -> comparison(BinaryOp.GREATER_EQUAL, l, r, b);
      case EQUALS -> equality(BinaryOp.EQUAL, l, r, b);
      case NOT_EQUALS -> equality(BinaryOp.NOT_EQUAL, l, r, b);
      case AND -> logical(BinaryOp.AND, l, r, b);
      case OR -> logical(BinaryOp.OR, l, r, b);
      default ->
          unsupported(
              b,
              "operator '" + op.asString() + "' is not supported in workflow code",
              op == BinaryExpr.Operator.BINARY_AND || op == BinaryExpr.Operator.BINARY_OR
                  ? "use '&&' or '||'"
                  : "bitwise and shift operators have no equivalent on the clouds");
    };
  }

  /**
   * Refuses an array operand of string concatenation: Java prints an array as its type and identity
   * hash ({@code [Ljava.lang.String;@1b6d3586}), which no cloud can reproduce, where the clouds'
   * read-only lists would print their elements. Whether an operand was reported.
   */
  boolean reportsArrays(Expression... operands) {
    boolean reported = false;
    for (Expression operand : operands) {
      if (MethodCalls.isJavaArray(operand)) {
        reported = true;
        unsupported(
            operand,
            "'"
                + operand
                + "' is an array: Java prints it as its type and identity hash, not its elements",
            "print its elements: String.join(\", \", " + operand + ") or List.of(" + operand + ")");
      }
    }
    return reported;
  }

  /** Java's {@code +} with a String operand, flattened left to right. */
  private static Expr concat(Expr l, Expr r) {
    List<Expr> parts = new ArrayList<>();
    if (l instanceof Expr.Concat c) {
      parts.addAll(c.parts());
    } else {
      parts.add(l);
    }
    parts.add(r);
    return new Expr.Concat(parts);
  }

  private Optional<Expr> arithmetic(BinaryOp op, Expr l, Expr r, BinaryExpr at) {
    Optional<Primitive> type = promoted(l, r, at);
    return type.map(t -> new Expr.Binary(op, numericConvert(l, t), numericConvert(r, t), t));
  }

  private Optional<Expr> comparison(BinaryOp op, Expr l, Expr r, BinaryExpr at) {
    Optional<Primitive> type = promoted(l, r, at);
    return type.map(
        t -> new Expr.Binary(op, numericConvert(l, t), numericConvert(r, t), IrType.BOOLEAN));
  }

  private Optional<Primitive> promoted(Expr l, Expr r, BinaryExpr at) {
    if (!l.type().isNumeric() || !r.type().isNumeric()) {
      Expr bad = l.type().isNumeric() ? r : l;
      context.error(
          unit,
          at,
          DiagnosticCode.TYPE_MISMATCH,
          "operator '"
              + at.getOperator().asString()
              + "' needs numbers, but one operand is '"
              + bad.type().javaName()
              + "'",
          "");
      return Optional.empty();
    }
    return Optional.of(promote((Primitive) l.type(), (Primitive) r.type()));
  }

  /** Java's binary numeric promotion among int, long and double. */
  static Primitive promote(Primitive a, Primitive b) {
    if (a.kind() == PrimitiveKind.DOUBLE || b.kind() == PrimitiveKind.DOUBLE) {
      return IrType.DOUBLE;
    }
    if (a.kind() == PrimitiveKind.LONG || b.kind() == PrimitiveKind.LONG) {
      return IrType.LONG;
    }
    return IrType.INT;
  }

  private static final java.util.Set<String> BOXES =
      java.util.Set.of(
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Double",
          "java.lang.Boolean",
          "java.lang.Character",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Float");

  /** {@code Integer} when javac types {@code e} as a boxed primitive, as it does for locals. */
  private static Optional<String> boxType(Expression e) {
    try {
      var type = e.calculateResolvedType();
      if (type.isReferenceType() && BOXES.contains(type.asReferenceType().getQualifiedName())) {
        String name = type.asReferenceType().getQualifiedName();
        return Optional.of(name.substring(name.lastIndexOf('.') + 1));
      }
    } catch (RuntimeException unresolved) {
      // A type of the project's own: not a box.
    }
    return Optional.empty();
  }

  private Optional<Expr> referenceEquality(BinaryOp op, BinaryExpr at, String typeName) {
    String negate = op == BinaryOp.NOT_EQUAL ? "!" : "";
    context.error(
        unit,
        at,
        DiagnosticCode.REFERENCE_EQUALITY,
        "'"
            + at.getOperator().asString()
            + "' compares references of '"
            + typeName
            + "', not values",
        "compare values with " + negate + at.getLeft() + ".equals(" + at.getRight() + ")");
    return Optional.empty();
  }

  private Optional<Expr> equality(BinaryOp op, Expr l, Expr r, BinaryExpr at) {
    IrType lt = l.type();
    IrType rt = r.type();
    Optional<String> leftBox = boxType(at.getLeft());
    Optional<String> rightBox = boxType(at.getRight());
    if (leftBox.isPresent() && rightBox.isPresent()) {
      // Both boxed: Java compares the objects, so 1000 == 1000 is false (and 100 == 100 true).
      return referenceEquality(op, at, leftBox.get());
    }
    if (lt.isNumeric() && rt.isNumeric()) {
      Primitive t = promote((Primitive) lt, (Primitive) rt);
      return Optional.of(
          new Expr.Binary(op, numericConvert(l, t), numericConvert(r, t), IrType.BOOLEAN));
    }
    boolean nullCheck = lt instanceof IrType.NullType || rt instanceof IrType.NullType;
    boolean sameSimple =
        lt.equals(rt) && (lt.equals(IrType.BOOLEAN) || lt instanceof IrType.EnumType);
    if (nullCheck || sameSimple) {
      return Optional.of(new Expr.Binary(op, l, r, IrType.BOOLEAN));
    }
    if (lt.equals(rt) || IrType.assignable(lt, rt) || IrType.assignable(rt, lt)) {
      return referenceEquality(op, at, lt.javaName());
    }
    context.error(
        unit,
        at,
        DiagnosticCode.TYPE_MISMATCH,
        "cannot compare '" + lt.javaName() + "' with '" + rt.javaName() + "'",
        "");
    return Optional.empty();
  }

  private Optional<Expr> logical(BinaryOp op, Expr l, Expr r, BinaryExpr at) {
    Optional<Expr> lb = convert(l, IrType.BOOLEAN, at.getLeft());
    Optional<Expr> rb = convert(r, IrType.BOOLEAN, at.getRight());
    if (lb.isEmpty() || rb.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Expr.Binary(op, lb.get(), rb.get(), IrType.BOOLEAN));
  }

  private Optional<Expr> unary(UnaryExpr u) {
    switch (u.getOperator()) {
      case LOGICAL_COMPLEMENT:
        return condition(u.getExpression())
            .map(x -> new Expr.Unary(Expr.UnaryOp.NOT, x, IrType.BOOLEAN));
      case MINUS:
        return translate(u.getExpression(), Optional.empty()).flatMap(x -> negate(x, u));
      case PLUS:
        return translate(u.getExpression(), Optional.empty()).flatMap(x -> numeric(x, u));
      default:
        return unsupported(
            u,
            "'" + u.getOperator().asString() + "' inside an expression is not supported",
            "increment or decrement as a statement of its own, e.g. " + u.getExpression() + "++;");
    }
  }

  private Optional<Expr> negate(Expr x, UnaryExpr at) {
    return numeric(x, at)
        .map(
            n -> {
              if (n instanceof Literal l && l.value() instanceof Integer i) {
                return new Literal(-i, n.type());
              }
              if (n instanceof Literal l && l.value() instanceof Long v) {
                return new Literal(-v, n.type());
              }
              if (n instanceof Literal l && l.value() instanceof Double d) {
                return new Literal(-d, n.type());
              }
              return new Expr.Unary(Expr.UnaryOp.NEGATE, n, n.type());
            });
  }

  private Optional<Expr> numeric(Expr x, Node at) {
    if (x.type().isNumeric()) {
      return Optional.of(x);
    }
    context.error(unit, at, DiagnosticCode.TYPE_MISMATCH, "'" + at + "' is not a number", "");
    return Optional.empty();
  }

  private Optional<Expr> conditional(ConditionalExpr c, Optional<IrType> expected) {
    Optional<Expr> cond = condition(c.getCondition());
    Optional<Expr> a = translate(c.getThenExpr(), expected);
    Optional<Expr> b = translate(c.getElseExpr(), expected);
    if (cond.isEmpty() || a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    Optional<IrType> type = unify(a.get().type(), b.get().type());
    if (type.isEmpty()) {
      context.error(
          unit,
          c,
          DiagnosticCode.TYPE_MISMATCH,
          "the branches of '?:' have different types, '"
              + a.get().type().javaName()
              + "' and '"
              + b.get().type().javaName()
              + "'",
          "");
      return Optional.empty();
    }
    Optional<Expr> ca = convert(a.get(), type.get(), c.getThenExpr());
    Optional<Expr> cb = convert(b.get(), type.get(), c.getElseExpr());
    if (ca.isEmpty() || cb.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Expr.Conditional(cond.get(), ca.get(), cb.get(), type.get()));
  }

  /** The type of a {@code ?:} whose branches have types {@code a} and {@code b}. */
  static Optional<IrType> unify(IrType a, IrType b) {
    if (a.equals(b)) {
      return Optional.of(a);
    }
    if (a.isNumeric() && b.isNumeric()) {
      return Optional.of(promote((Primitive) a, (Primitive) b));
    }
    if (a instanceof IrType.NullType && IrType.assignable(a, b)) {
      return Optional.of(b);
    }
    if (b instanceof IrType.NullType && IrType.assignable(b, a)) {
      return Optional.of(a);
    }
    return Optional.empty();
  }

  private Optional<Expr> cast(CastExpr c) {
    Optional<IrType> to = types.map(c.getType(), unit);
    Optional<Expr> value = translate(c.getExpression(), to);
    if (to.isEmpty() || value.isEmpty()) {
      return Optional.empty();
    }
    if (to.get() instanceof Primitive p && p.kind().numeric() && value.get().type().isNumeric()) {
      return Optional.of(numericConvert(value.get(), p));
    }
    if (value.get().type().equals(to.get())) {
      return value;
    }
    return unsupported(
        c,
        "cast from '"
            + value.get().type().javaName()
            + "' to '"
            + to.get().javaName()
            + "' is not supported",
        "workflow code casts only between int, long and double");
  }

  /** Records an activity call. */
  Expr activityCall(ActivityMethod method, List<Expr> args, Node at) {
    usedActivities.add(method);
    return new Expr.ActivityCall(method, args, unit.at(at));
  }

  /** Builds a builtin call. */
  static Expr call(Builtin b, IrType type, Expr... args) {
    return new Expr.Call(b, List.of(args), type);
  }

  Optional<Expr> forbidden(Node at, ForbiddenApis.Verdict v) {
    context.error(unit, at, v.code(), v.reason() + " in workflow code", v.hint());
    return Optional.empty();
  }

  Optional<Expr> unsupported(Node at, String message, String hint) {
    context.error(unit, at, DiagnosticCode.UNSUPPORTED_EXPRESSION, message, hint);
    return Optional.empty();
  }

  private Optional<Expr> unsupportedType(Node at, String message, String hint) {
    context.error(unit, at, DiagnosticCode.UNSUPPORTED_TYPE, message, hint);
    return Optional.empty();
  }

  /**
   * Translates {@code e} where Java reads a {@code StringBuilder}'s text (concatenation, {@code
   * String.valueOf}, {@code append}): a builder local is its String.
   */
  Optional<Expr> translateAllowingBuilder(Expression e) {
    if (e instanceof NameExpr n && scope.isBuilder(n.getNameAsString())) {
      return scope.lookup(n.getNameAsString()).map(l -> l);
    }
    return translate(e, Optional.empty());
  }

  StringBuilders builders() {
    return builders;
  }

  WorkflowShape shape() {
    return shape;
  }

  Scope scope() {
    return scope;
  }

  private static String describe(Expression e) {
    String kind = e.getClass().getSimpleName().replace("Expr", "");
    return switch (kind) {
      case "Lambda" -> "a lambda";
      case "MethodReference" -> "a method reference";
      case "InstanceOf" -> "'instanceof'";
      case "ArrayCreation", "ArrayInitializer" -> "creating an array";
      case "Assign" -> "an assignment inside an expression";
      case "Switch" -> "a switch expression inside another expression";
      case "This" -> "'this'";
      case "Super" -> "'super'";
      default -> "'" + e + "'";
    };
  }

  private static String hintFor(Expression e) {
    if (e.isAssignExpr()) {
      return "assign in a statement of its own";
    }
    if (e.isLambdaExpr() || e.isMethodReferenceExpr()) {
      return "lambdas are supported only as the body of Durable.map and Durable.parallel";
    }
    if (e.isSwitchExpr()) {
      return "assign the switch to a variable first: var v = switch (...) { ... };";
    }
    if (e.isArrayCreationExpr() || e.isArrayInitializerExpr()) {
      return "use a List: new ArrayList<>() or List.of(...)";
    }
    return "";
  }
}
