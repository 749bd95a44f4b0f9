package dev.statecraft.compiler.aws;

import static dev.statecraft.compiler.aws.Jsonata.ADDITIVE;
import static dev.statecraft.compiler.aws.Jsonata.AND;
import static dev.statecraft.compiler.aws.Jsonata.ATOM;
import static dev.statecraft.compiler.aws.Jsonata.COMPARISON;
import static dev.statecraft.compiler.aws.Jsonata.CONDITIONAL;
import static dev.statecraft.compiler.aws.Jsonata.MULTIPLICATIVE;
import static dev.statecraft.compiler.aws.Jsonata.OR;
import static dev.statecraft.compiler.aws.Jsonata.UNARY;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Expr.BinaryOp;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.IrType.PrimitiveKind;
import dev.statecraft.compiler.ir.Nullness;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Renders IR expressions as JSONata with Java's meaning: integer division truncates and fails on
 * zero, string conversion prints {@code 5.0} and records as {@code Ticket[id=1]}, {@code == null}
 * also holds for missing fields, and lists never flatten into each other.
 *
 * <p>Known gaps, documented in docs/language.md: {@code int} and {@code long} arithmetic does not
 * wrap on overflow; string lengths count code points.
 */
final class JsonataRenderer {
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "in", "true", "false", "null", "function");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Function<String, String> variable;
  private final Nullness nullness;

  /**
   * @param variable the ASL variable name (without {@code $}) of a Java local
   * @param nullness which of the workflow's values may be {@code null}
   */
  JsonataRenderer(Function<String, String> variable, Nullness nullness) {
    this.variable = variable;
    this.nullness = nullness;
  }

  /**
   * The rendered {@code e}, on which Java calls a method or an accessor: where it may be {@code
   * null}, it fails with Java's {@code NullPointerException}. JSONata would otherwise go on ({@code
   * $count(null)} is 1, {@code $append(null, x)} a new list, {@code null.name} nothing) or fail
   * with an error of its own.
   */
  Jsonata receiver(Expr e) {
    Jsonata x = render(e);
    if (!nullness.mayBeNull(e)) {
      return x;
    }
    String what =
        e instanceof Expr.FieldGet f
            ? "the return value of \\\"" + f.field() + "()\\\""
            : e instanceof Expr.Local l
                ? "\\\"" + l.name() + "\\\""
                : "an element read from a collection";
    return combine(
        "($__n := "
            + x.text()
            + "; $__n = null ? $error('java.lang.NullPointerException: Cannot invoke a method"
            + " because "
            + what
            + " is null') : $__n)",
        ATOM,
        x);
  }

  Jsonata render(Expr e) {
    if (e instanceof Expr.Literal l) {
      return literal(l);
    }
    if (e instanceof Expr.Local l) {
      String name = variable.apply(l.name());
      return new Jsonata("$" + name, Set.of(name), ATOM);
    }
    if (e instanceof Expr.Unary u) {
      Jsonata x = render(u.operand());
      return u.op() == Expr.UnaryOp.NOT
          ? combine("$not(" + x.text() + ")", ATOM, x)
          : combine("-" + x.at(UNARY), UNARY, x);
    }
    if (e instanceof Expr.Binary b) {
      return binary(b);
    }
    if (e instanceof Expr.Conditional c) {
      Jsonata cond = render(c.condition());
      Jsonata a = render(c.whenTrue());
      Jsonata b = render(c.whenFalse());
      return combine(
          cond.at(OR) + " ? " + a.at(OR) + " : " + b.at(CONDITIONAL), CONDITIONAL, cond, a, b);
    }
    if (e instanceof Expr.Concat c) {
      List<Jsonata> parts = new ArrayList<>();
      StringBuilder constant = null;
      for (Expr p : c.parts()) {
        Optional<String> printed = printedConstant(p);
        if (printed.isPresent()) {
          constant = constant == null ? new StringBuilder() : constant;
          constant.append(printed.get());
          continue;
        }
        if (constant != null) {
          parts.add(new Jsonata(string(constant.toString()), Set.of(), ATOM));
          constant = null;
        }
        parts.add(javaString(p));
      }
      if (constant != null) {
        parts.add(new Jsonata(string(constant.toString()), Set.of(), ATOM));
      }
      if (parts.size() == 1) {
        return parts.get(0);
      }
      return combine(
          String.join(" & ", parts.stream().map(p -> p.at(ADDITIVE + 1)).toList()),
          ADDITIVE,
          parts.toArray(Jsonata[]::new));
    }
    if (e instanceof Expr.Convert c) {
      return convert(c);
    }
    if (e instanceof Expr.NewRecord r) {
      List<Jsonata> args = new ArrayList<>();
      StringBuilder text = new StringBuilder("{");
      for (int i = 0; i < r.arguments().size(); i++) {
        Jsonata a = element(r.arguments().get(i));
        args.add(a);
        text.append(i == 0 ? "" : ", ")
            .append(string(r.type().components().get(i).name()))
            .append(": ")
            .append(a.text());
      }
      return combine(text.append("}").toString(), ATOM, args.toArray(Jsonata[]::new));
    }
    if (e instanceof Expr.FieldGet f) {
      // Java calls the accessor on the record: on null that is a NullPointerException.
      Jsonata target = receiver(f.target());
      String step =
          target.precedence() == ATOM && !target.text().startsWith("{")
              ? target.text()
              : "(" + target.text() + ")";
      return combine(step + "." + field(f.field()), ATOM, target);
    }
    if (e instanceof Expr.ListLiteral l) {
      List<Jsonata> items = l.elements().stream().map(this::element).toList();
      return combine(
          "[" + String.join(", ", items.stream().map(Jsonata::text).toList()) + "]",
          ATOM,
          items.toArray(Jsonata[]::new));
    }
    if (e instanceof Expr.MapLiteral m) {
      List<Jsonata> items = new ArrayList<>();
      StringBuilder text = new StringBuilder("{");
      for (int i = 0; i < m.entries().size(); i += 2) {
        Jsonata k = render(m.entries().get(i));
        Jsonata v = element(m.entries().get(i + 1));
        items.add(k);
        items.add(v);
        text.append(i == 0 ? "" : ", ").append(k.text()).append(": ").append(v.text());
      }
      return combine(text.append("}").toString(), ATOM, items.toArray(Jsonata[]::new));
    }
    if (e instanceof Expr.Call c) {
      return new JsonataBuiltins(this).render(c);
    }
    throw new IllegalStateException("activity calls are hoisted before the AWS back end: " + e);
  }

  /**
   * An array or object member: JSONata's array constructor splices an array value into the
   * enclosing array, so array-typed members are wrapped in a constructor of their own.
   */
  Jsonata element(Expr e) {
    Jsonata x = render(e);
    return e.type() instanceof IrType.ListType && !isArrayConstructor(x.text())
        ? combine("[" + x.text() + "]", ATOM, x)
        : x;
  }

  /**
   * Whether {@code text} is one array constructor, {@code [...]}. JSONata keeps an item of an array
   * constructor that is itself a constructor as one element, and splices the array that any other
   * item (a variable, a call, a conditional) evaluates to: so a list-valued item needs one more
   * pair of brackets unless it is written as a constructor.
   */
  static boolean isArrayConstructor(String text) {
    if (!text.startsWith("[")) {
      return false;
    }
    int depth = 0;
    char quote = 0;
    char previous = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '\'' || c == '"' || (c == '/' && (previous == '(' || previous == ','))) {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i == text.length() - 1;
      }
      if (c != ' ') {
        previous = c;
      }
    }
    return false;
  }

  private Jsonata literal(Expr.Literal l) {
    Object v = l.value();
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (v == null) {
      return Jsonata.constant("null", json.nullNode(), ATOM);
    }
    if (v instanceof String s) {
      return Jsonata.constant(string(s), json.textNode(s), ATOM);
    }
    if (v instanceof Boolean b) {
      return Jsonata.constant(b.toString(), json.booleanNode(b), ATOM);
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new IllegalStateException("JSON has no " + d);
      }
      boolean integral = d == Math.rint(d) && Math.abs(d) < 1e15;
      String text = integral ? Long.toString(d.longValue()) : Double.toString(d);
      return Jsonata.constant(
          text,
          integral ? json.numberNode(d.longValue()) : json.numberNode(d),
          d < 0 ? UNARY : ATOM);
    }
    if (v instanceof Number n) {
      return Jsonata.constant(
          n.toString(), json.numberNode(n.longValue()), n.longValue() < 0 ? UNARY : ATOM);
    }
    throw new IllegalStateException("unexpected literal " + v);
  }

  private Jsonata binary(Expr.Binary b) {
    Jsonata l = render(b.left());
    Jsonata r = render(b.right());
    boolean integral = isIntegral(b.left().type());
    switch (b.op()) {
      case ADD:
        return infix("+", ADDITIVE, l, r);
      case SUBTRACT:
        return infix("-", ADDITIVE, l, r);
      case MULTIPLY:
        return infix("*", MULTIPLICATIVE, l, r);
      case DIVIDE:
        return integral ? integerDivision(l, r) : infix("/", MULTIPLICATIVE, l, r);
      case REMAINDER:
        return integral
            ? zeroChecked(infix("%", MULTIPLICATIVE, l, r), r, l)
            : infix("%", MULTIPLICATIVE, l, r);
      case LESS:
        return infix("<", COMPARISON, l, r);
      case LESS_EQUAL:
        return infix("<=", COMPARISON, l, r);
      case GREATER:
        return infix(">", COMPARISON, l, r);
      case GREATER_EQUAL:
        return infix(">=", COMPARISON, l, r);
      case EQUAL:
      case NOT_EQUAL:
        return equality(b, l, r);
      case AND:
        return infix("and", AND, l, r);
      case OR:
        return infix("or", OR, l, r);
      default:
        throw new IllegalStateException(b.op().toString());
    }
  }

  private Jsonata equality(Expr.Binary b, Jsonata l, Jsonata r) {
    boolean eq = b.op() == BinaryOp.EQUAL;
    Jsonata value = isNull(b.left()) ? r : isNull(b.right()) ? l : null;
    if (value == null) {
      return infix(eq ? "=" : "!=", COMPARISON, l, r);
    }
    // A missing field is undefined in JSONata but null in Java.
    String isNull =
        "$not($exists(" + value.text() + ")) or " + value.at(COMPARISON + 1) + " = null";
    return eq ? combine(isNull, OR, value) : combine("$not(" + isNull + ")", ATOM, value);
  }

  private static boolean isNull(Expr e) {
    return e instanceof Expr.Literal l && l.value() == null;
  }

  /** Java's integer {@code /}: truncates toward zero and fails on a zero divisor. */
  private Jsonata integerDivision(Jsonata l, Jsonata r) {
    Jsonata q =
        combine(
            "($__quotient := "
                + l.at(MULTIPLICATIVE)
                + " / "
                + r.at(MULTIPLICATIVE + 1)
                + "; $__quotient < 0 ? $ceil($__quotient) : $floor($__quotient))",
            ATOM,
            l,
            r);
    return zeroChecked(q, r, l);
  }

  private static Jsonata zeroChecked(Jsonata value, Jsonata divisor, Jsonata dividend) {
    if (divisor.isLiteral() && !divisor.text().equals("0")) {
      return value;
    }
    return combine(
        divisor.at(COMPARISON + 1)
            + " = 0 ? $error('java.lang.ArithmeticException: / by zero') : "
            + value.at(CONDITIONAL),
        CONDITIONAL,
        value,
        divisor,
        dividend);
  }

  private Jsonata convert(Expr.Convert c) {
    Jsonata x = render(c.value());
    if (isIntegral(c.type()) && !isIntegral(c.value().type())) {
      return combine(
          "($__truncated := "
              + x.text()
              + "; $__truncated < 0 ? $ceil($__truncated) : $floor($__truncated))",
          ATOM,
          x);
    }
    return x;
  }

  /** The value converted to a string exactly as Java's string conversion does. */
  Jsonata javaString(Expr e) {
    Optional<String> printed = printedConstant(e);
    if (printed.isPresent()) {
      return new Jsonata(string(printed.get()), Set.of(), ATOM);
    }
    Jsonata x = render(e);
    return javaString(x, e.type(), e instanceof Expr.Literal);
  }

  /**
   * A constant as Java prints it, at compile time: {@code "at most " + 50.0} is {@code 'at most
   * 50.0'}.
   */
  private static Optional<String> printedConstant(Expr e) {
    if (!(e instanceof Expr.Literal l)
        || l.value() == null
        || !(l.type() instanceof IrType.Primitive || l.type() instanceof IrType.EnumType)) {
      return Optional.empty();
    }
    Object v = l.value();
    if (l.type().equals(IrType.DOUBLE) && v instanceof Number n) {
      return Optional.of(Double.toString(n.doubleValue()));
    }
    if (l.type().isNumeric() && v instanceof Number n) {
      return Optional.of(Long.toString(n.longValue()));
    }
    return Optional.of(String.valueOf(v));
  }

  private Jsonata javaString(Jsonata x, IrType type, boolean literal) {
    if (literal && type.equals(IrType.STRING)) {
      return x;
    }
    if (type instanceof IrType.Primitive p && p.kind() == PrimitiveKind.DOUBLE) {
      // A boxed Double read from outside may be null, which Java prints as "null".
      return combine(
          "($__dn := " + x.text() + "; $__dn = null ? 'null' : " + JavaDoubleText.of("$__dn") + ")",
          ATOM,
          x);
    }
    if (type instanceof IrType.RecordType r) {
      StringBuilder s =
          new StringBuilder(
              "($__r := "
                  + x.text()
                  + "; $__r = null ? 'null' : '"
                  + escape(r.simpleName())
                  + "['");
      for (int i = 0; i < r.components().size(); i++) {
        var c = r.components().get(i);
        Jsonata part =
            javaString(new Jsonata("$__r." + field(c.name()), Set.of(), ATOM), c.type(), false);
        s.append(" & '")
            .append(i == 0 ? "" : ", ")
            .append(escape(c.name()))
            .append("=' & ")
            .append(part.at(ADDITIVE + 1));
      }
      return combine(s.append(" & ']')").toString(), ATOM, x);
    }
    if (type instanceof IrType.ListType l) {
      Jsonata item = javaString(new Jsonata("$__e", Set.of(), ATOM), l.element(), false);
      return combine(
          "($__l := "
              + x.text()
              + "; $__l = null ? 'null' : '[' & $join($map($__l, function($__e) { "
              + item.text()
              + " }), ', ') & ']')",
          ATOM,
          x);
    }
    if (type instanceof IrType.MapType m) {
      Jsonata value =
          javaString(new Jsonata("$lookup($__m, $__k)", Set.of(), ATOM), m.value(), false);
      return combine(
          "($__m := "
              + x.text()
              + "; $__m = null ? 'null' : '{' & $join($map($keys($__m), function($__k) { $__k & '=' & "
              + value.at(ADDITIVE + 1)
              + " }), ', ') & '}')",
          ATOM,
          x);
    }
    return combine("$string(" + x.text() + ")", ATOM, x);
  }

  /**
   * {@code x}, a value of {@code type} that arrives from outside (the execution's input, a
   * callback's answer), with every record field that is missing made {@code null}, as Jackson reads
   * it into a Java record. JSONata treats a missing field as nothing at all: it would print as an
   * empty string, vanish from a list, and fail an activity's {@code Arguments}; Java sees {@code
   * null}. Fields of records in lists are covered too, and numbers and booleans: the IR reads a
   * boxed {@code Integer} as {@code int}, and a missing {@code Integer} is {@code null} in Java
   * (prints {@code null}, is passed on as {@code null}); a missing {@code int} has already been
   * refused by the input check.
   */
  Jsonata presentFields(Jsonata x, IrType type) {
    if (!containsRecord(type)) {
      return x;
    }
    if (type instanceof IrType.RecordType r) {
      StringBuilder object = new StringBuilder("{");
      for (IrType.Component c : r.components()) {
        // Every component, boxed numbers and booleans too: Java reads a missing field as null.
        String value = presentFields(orNull("$__o." + field(c.name())), c.type()).text();
        object.append(object.length() == 1 ? "" : ", ").append(string(c.name())).append(": ");
        object.append(value);
      }
      return combine(
          "($__o := "
              + x.text()
              + "; $exists($__o) and $__o != null ? "
              + object.append("}")
              + " : null)",
          ATOM,
          x);
    }
    if (type instanceof IrType.ListType l && l.element() instanceof IrType.RecordType) {
      return combine(
          "($__a := "
              + x.text()
              + "; $exists($__a) and $__a != null ? [$map($__a, function($__e) { "
              + presentFields(Jsonata.atom("$__e"), l.element()).text()
              + " })] : null)",
          ATOM,
          x);
    }
    return x;
  }

  private static Jsonata orNull(String path) {
    return Jsonata.atom("($__v := " + path + "; $exists($__v) ? $__v : null)");
  }

  private static boolean containsRecord(IrType type) {
    return type instanceof IrType.RecordType
        || type instanceof IrType.ListType l && l.element() instanceof IrType.RecordType;
  }

  private static boolean isIntegral(IrType t) {
    return t instanceof IrType.Primitive p
        && (p.kind() == PrimitiveKind.INT || p.kind() == PrimitiveKind.LONG);
  }

  static Jsonata infix(String op, int precedence, Jsonata l, Jsonata r) {
    return combine(l.at(precedence) + " " + op + " " + r.at(precedence + 1), precedence, l, r);
  }

  /** An expression built from {@code parts}, reading what they read. */
  static Jsonata combine(String text, int precedence, Jsonata... parts) {
    Set<String> reads = new HashSet<>();
    for (Jsonata p : parts) {
      reads.addAll(p.reads());
    }
    return new Jsonata(text, reads, precedence);
  }

  /** A JSONata string literal. */
  static String string(String s) {
    if (s.indexOf('\'') < 0) {
      return "'" + escape(s) + "'";
    }
    return "\"" + escape(s).replace("\"", "\\\"") + "\"";
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }

  /** A field name as a path step. */
  static String field(String name) {
    return PLAIN_NAME.matcher(name).matches() && !KEYWORDS.contains(name) ? name : "`" + name + "`";
  }
}
