package dev.statecraft.compiler.gcp;

import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import dev.statecraft.compiler.diagnostic.SourcePosition;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.FormatSpec;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.IrType.PrimitiveKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders IR expressions in Cloud Workflows' expression language (the text inside {@code ${...}}).
 * Compound operands are always parenthesized. Library methods without a Cloud Workflows equivalent
 * are {@code TARGET_LIMIT} diagnostics.
 */
final class CloudWorkflowsExpressions {
  private Function<String, String> variable;
  private final dev.statecraft.compiler.ir.Nullness nullness;
  private final Diagnostics diagnostics;
  private final CloudWorkflowsHelpers helpers;
  private SourcePosition position;

  /**
   * How many enclosing operands Java evaluates only sometimes (a branch of ?:, the right of &&).
   */
  private int sometimes;

  /**
   * The conditions under which Java evaluates the operand being rendered (a {@code ?:} branch's
   * condition or its negation, the left of {@code &&}, the negated left of {@code ||}), outermost
   * first: a check step for it runs only when they hold.
   */
  private final java.util.Deque<String> guards = new java.util.ArrayDeque<>();

  CloudWorkflowsExpressions(
      Function<String, String> variable,
      dev.statecraft.compiler.ir.Nullness nullness,
      Diagnostics diagnostics,
      CloudWorkflowsHelpers helpers) {
    this.variable = variable;
    this.nullness = nullness;
    this.diagnostics = diagnostics;
    this.helpers = helpers;
  }

  /** Renders {@code e}, reporting limits at {@code at}. */
  String render(Expr e, SourcePosition at) {
    this.position = at;
    return expr(e);
  }

  private String expr(Expr e) {
    if (e instanceof Expr.Literal l) {
      return literal(l.value());
    }
    if (e instanceof Expr.Local l) {
      return variable.apply(l.name());
    }
    if (e instanceof Expr.Unary u) {
      return (u.op() == Expr.UnaryOp.NOT ? "not " : "-") + operand(u.operand());
    }
    if (e instanceof Expr.Binary b) {
      return binary(b);
    }
    if (e instanceof Expr.Conditional c) {
      String condition = expr(c.condition());
      return "if("
          + condition
          + ", "
          + sometimes(condition, () -> expr(c.whenTrue()))
          + ", "
          + sometimes("not (" + condition + ")", () -> expr(c.whenFalse()))
          + ")";
    }
    if (e instanceof Expr.Concat c) {
      return c.parts().stream().map(this::string).collect(Collectors.joining(" + "));
    }
    if (e instanceof Expr.Convert c) {
      boolean toInteger =
          c.type().kind() == PrimitiveKind.INT || c.type().kind() == PrimitiveKind.LONG;
      return (toInteger ? "int(" : "double(") + expr(c.value()) + ")";
    }
    if (e instanceof Expr.NewRecord r) {
      StringBuilder s = new StringBuilder("{");
      for (int i = 0; i < r.arguments().size(); i++) {
        s.append(i == 0 ? "" : ", ")
            .append(literal(r.type().components().get(i).name()))
            .append(": ")
            .append(expr(r.arguments().get(i)));
      }
      return s.append("}").toString();
    }
    if (e instanceof Expr.FieldGet f) {
      String target = operand(f.target());
      requireNonNull(f.target(), target);
      return target + "." + f.field();
    }
    if (e instanceof Expr.ListLiteral l) {
      return "[" + l.elements().stream().map(this::expr).collect(Collectors.joining(", ")) + "]";
    }
    if (e instanceof Expr.MapLiteral m) {
      StringBuilder s = new StringBuilder("{");
      for (int i = 0; i < m.entries().size(); i += 2) {
        if (!(m.entries().get(i) instanceof Expr.Literal)) {
          limit("map keys computed at run time");
        }
        s.append(i == 0 ? "" : ", ")
            .append(expr(m.entries().get(i)))
            .append(": ")
            .append(expr(m.entries().get(i + 1)));
      }
      return s.append("}").toString();
    }
    if (e instanceof Expr.Call c) {
      return call(c);
    }
    throw new IllegalStateException("activity calls are hoisted before the GCP back end: " + e);
  }

  /** Renders an operand Java may skip; helper calls run before the whole expression. */
  private String sometimes(String guard, java.util.function.Supplier<String> render) {
    sometimes++;
    guards.addLast(guard);
    try {
      return render.get();
    } finally {
      sometimes--;
      guards.removeLast();
    }
  }

  /**
   * A helper that can fail runs before the expression it is in: under {@code ?:}, {@code &&} or
   * {@code ||} its call step sits in a {@code switch} on the conditions under which Java evaluates
   * it, and its result is {@code null} where it is skipped (the expression does not use it there).
   */
  private String failingHelper(String call, String java) {
    if (!guards.isEmpty()) {
      helpers.guardLast(List.copyOf(guards), call);
    }
    return call;
  }

  private String operand(Expr e) {
    String s = expr(e);
    return atomic(e) ? s : "(" + s + ")";
  }

  private static boolean atomic(Expr e) {
    return e instanceof Expr.Literal
        || e instanceof Expr.Local
        || e instanceof Expr.FieldGet
        || e instanceof Expr.Call
        || e instanceof Expr.ListLiteral
        || e instanceof Expr.NewRecord;
  }

  private String binary(Expr.Binary b) {
    String l = operand(b.left());
    String r =
        b.op() == Expr.BinaryOp.AND
            ? sometimes(l, () -> operand(b.right()))
            : b.op() == Expr.BinaryOp.OR
                ? sometimes("not " + l, () -> operand(b.right()))
                : operand(b.right());
    boolean integral =
        b.left().type() instanceof IrType.Primitive p
            && (p.kind() == PrimitiveKind.INT || p.kind() == PrimitiveKind.LONG);
    if (integral
        && (b.op() == Expr.BinaryOp.DIVIDE || b.op() == Expr.BinaryOp.REMAINDER)
        && !(b.right() instanceof Expr.Literal lit
            && lit.value() instanceof Number n
            && n.longValue() != 0)) {
      // Java's integer division and remainder by zero throw; Cloud Workflows' ZeroDivisionError
      // would be another error.
      helpers.check(
          List.copyOf(guards), r + " == 0", literal("java.lang.ArithmeticException: / by zero"));
    }
    return switch (b.op()) {
      case DIVIDE -> integral ? "int(" + l + " / " + r + ")" : l + " / " + r;
      case AND -> l + " and " + r;
      case OR -> l + " or " + r;
      default -> l + " " + b.op().java() + " " + r;
    };
  }

  /** Java's string conversion of a value: numbers and booleans through {@code string()}. */
  private String string(Expr e) {
    if (e.type().equals(IrType.STRING) || e.type() instanceof IrType.EnumType) {
      // Java prints a null String as "null"; Cloud Workflows' + fails on it.
      return nullness.mayBeNull(e) ? "default(" + expr(e) + ", \"null\")" : operand(e);
    }
    if (e.type() instanceof IrType.Primitive p && p.kind() == PrimitiveKind.DOUBLE) {
      // Java's Double.toString: 420.0 for a whole number read from JSON, 3.6E-5.
      return helpers.call("double_text", List.of(expr(e)));
    }
    if (e.type() instanceof IrType.Primitive) {
      // A boxed Integer or Boolean field may be missing (null); json.encode prints it "null".
      return fromOutside(e) ? "json.encode_to_string(" + expr(e) + ")" : "string(" + expr(e) + ")";
    }
    if (e.type() instanceof IrType.RecordType r) {
      return recordText(r, expr(e));
    }
    if (e.type() instanceof IrType.ListType l
        && (l.element() instanceof IrType.Primitive || l.element() instanceof IrType.EnumType)) {
      String kind =
          l.element().equals(IrType.STRING) || l.element() instanceof IrType.EnumType
              ? "string"
              : ((IrType.Primitive) l.element()).kind() == PrimitiveKind.DOUBLE
                  ? "double"
                  : "other";
      return helpers.call("list_text", List.of(expr(e), literal(kind)));
    }
    return "json.encode_to_string(" + expr(e) + ")";
  }

  /** Whether Java calls this builtin as a method of its first argument. */
  private static boolean receiver(dev.statecraft.compiler.ir.Builtin b) {
    String name = b.name();
    return switch (b) {
      case STRING_VALUE_OF, STRING_JOIN, STRING_FORMAT_ONE, LIST_ELEMENT, REQUIRE_NON_NULL -> false;
      default ->
          name.startsWith("STRING_")
              || name.startsWith("LIST_")
              || name.startsWith("MAP_")
              || name.startsWith("ENUM_NAME")
              || name.startsWith("ENUM_ORDINAL");
    };
  }

  /**
   * Where Java calls a method or an accessor on {@code e} and it may be {@code null}, a step before
   * the expression raises Java's {@code NullPointerException} (its message is Statecraft's own, as
   * on AWS); Cloud Workflows would fail with a {@code TypeError} of its own. Under {@code ?:},
   * {@code &&} or {@code ||} the check would run where Java skips the call, so there it is left
   * out.
   */
  private void requireNonNull(Expr e, String rendered) {
    if (!nullness.mayBeNull(e)) {
      return;
    }
    String what =
        e instanceof Expr.FieldGet f
            ? "the return value of \"" + f.field() + "()\""
            : e instanceof Expr.Local l
                ? "\"" + l.name() + "\""
                : "an element read from a collection";
    helpers.check(
        List.copyOf(guards),
        "(" + rendered + ") == null",
        literal(
            "java.lang.NullPointerException: Cannot invoke a method because " + what + " is null"));
  }

  /** A value read from a record, map or list, which may be a missing (null) boxed number. */
  private static boolean fromOutside(Expr e) {
    return e instanceof Expr.FieldGet
        || e instanceof Expr.Call c
            && (c.builtin() == dev.statecraft.compiler.ir.Builtin.MAP_GET
                || c.builtin() == dev.statecraft.compiler.ir.Builtin.LIST_GET
                || c.builtin() == dev.statecraft.compiler.ir.Builtin.LIST_ELEMENT);
  }

  /**
   * Java's {@code Record.toString} ({@code Name[a=1, b=x]}, {@code null} for null) in a subworkflow
   * per record type, each component converted as in concatenation.
   */
  private String recordText(IrType.RecordType r, String value) {
    String name = "statecraft_text_" + r.qualifiedName().replaceAll("[^A-Za-z0-9]", "_");
    if (!helpers.defines(name)) {
      helpers.define(name, List.of());
      List<Object> saved = helpers.takePrelude();
      Function<String, String> savedVariable = variable;
      int savedSometimes = sometimes;
      java.util.List<String> savedGuards = new ArrayList<>(guards);
      guards.clear();
      variable = local -> local;
      sometimes = 0;
      List<Object> steps = new ArrayList<>();
      try {
        java.util.Map<String, Object> none = new java.util.LinkedHashMap<>();
        none.put("condition", "${value == null}");
        none.put("return", "null");
        steps.add(
            CloudWorkflowsEmitter.single(
                helpers.stepName("none"), CloudWorkflowsEmitter.single("switch", List.of(none))));
        String out = literal(r.simpleName() + "[");
        Expr self = new Expr.Local("value", r);
        for (int i = 0; i < r.components().size(); i++) {
          IrType.Component c = r.components().get(i);
          String part = string(new Expr.FieldGet(self, c.name(), c.type()));
          steps.addAll(helpers.takePrelude());
          String text =
              (i == 0 ? out + " + " : "out + ")
                  + literal((i == 0 ? "" : ", ") + c.name() + "=")
                  + " + "
                  + part;
          steps.add(
              CloudWorkflowsEmitter.single(
                  helpers.stepName("component"),
                  CloudWorkflowsEmitter.single(
                      "assign", List.of(CloudWorkflowsEmitter.single("out", "${" + text + "}")))));
        }
        String end = r.components().isEmpty() ? out + " + \"]\"" : "out + \"]\"";
        steps.add(
            CloudWorkflowsEmitter.single(
                helpers.stepName("done"),
                CloudWorkflowsEmitter.single("return", "${" + end + "}")));
      } finally {
        variable = savedVariable;
        sometimes = savedSometimes;
        guards.addAll(savedGuards);
        saved.forEach(helpers::addPrelude);
      }
      helpers.define(name, steps);
    }
    return helpers.callValue(name, value);
  }

  private String call(Expr.Call c) {
    List<Expr> a = c.arguments();
    String x = a.isEmpty() ? "" : expr(a.get(0));
    if (receiver(c.builtin()) && !a.isEmpty()) {
      requireNonNull(a.get(0), x);
    }
    String y = a.size() > 1 ? expr(a.get(1)) : "";
    return switch (c.builtin()) {
      case EQUALS -> operand(a.get(0)) + " == " + operand(a.get(1));
      case STRING_LENGTH, LIST_SIZE, MAP_SIZE -> "len(" + x + ")";
      case STRING_IS_EMPTY, LIST_IS_EMPTY -> "len(" + x + ") == 0";
      case STRING_CONTAINS -> "len(text.find_all(" + x + ", " + y + ")) > 0";
      case STRING_STARTS_WITH ->
          "text.substring(" + x + ", 0, len(" + y + ")) == " + operand(a.get(1));
      case STRING_ENDS_WITH ->
          "len("
              + y
              + ") <= len("
              + x
              + ") and text.substring("
              + x
              + ", len("
              + x
              + ") - len("
              + y
              + "), len("
              + x
              + ")) == "
              + operand(a.get(1));
      case STRING_TO_UPPER_CASE -> "text.to_upper(" + x + ")";
      case STRING_TO_LOWER_CASE -> "text.to_lower(" + x + ")";
      case STRING_TRIM ->
          "text.replace_all_regex("
              + x
              + ", "
              + literal("^[\\x{0}-\\x{20}]+|[\\x{0}-\\x{20}]+$")
              + ", \"\")";
      case STRING_SUBSTRING ->
          "text.substring("
              + x
              + ", "
              + y
              + ", "
              + (a.size() > 2 ? expr(a.get(2)) : "len(" + x + ")")
              + ")";
      case STRING_INDEX_OF ->
          "if(len(" + findAll(x, y) + ") > 0, " + findAll(x, y) + "[0].index, -1)";
      case STRING_INDEX_OF_FROM -> helpers.call("index_of_from", List.of(x, y, expr(a.get(2))));
      case STRING_REPEAT -> failingHelper(helpers.call("repeat", List.of(x, y)), "s.repeat(n)");
      case STRING_STRIP -> helpers.call("strip", List.of(x));
      case STRING_STRIP_LEADING -> helpers.call("strip_leading", List.of(x));
      case STRING_STRIP_TRAILING -> helpers.call("strip_trailing", List.of(x));
      case STRING_SPLIT -> helpers.call("split", List.of(x, y));
      case STRING_LAST_INDEX_OF ->
          "if(len("
              + findAll(x, y)
              + ") > 0, "
              + findAll(x, y)
              + "[len("
              + findAll(x, y)
              + ") - 1].index, -1)";
      case STRING_REPLACE -> "text.replace_all(" + x + ", " + y + ", " + expr(a.get(2)) + ")";
      case STRING_IS_BLANK ->
          "len(text.replace_all_regex("
              + x
              + ", "
              + literal(CloudWorkflowsHelpers.WHITESPACE)
              + ", \"\")) == 0";
      case STRING_EQUALS_IGNORE_CASE -> "text.to_lower(" + x + ") == text.to_lower(" + y + ")";
      case STRING_VALUE_OF -> string(a.get(0));
      case LIST_ELEMENT -> operand(a.get(0)) + "[" + y + "]";
      case LIST_GET, ARRAY_GET -> checkedGet(c, a, x, y);
      case LIST_CONTAINS -> operand(a.get(1)) + " in " + operand(a.get(0));
      case MAP_GET -> "map.get(" + x + ", " + y + ")";
      case MAP_GET_OR_DEFAULT -> "default(map.get(" + x + ", " + y + "), " + expr(a.get(2)) + ")";
      case MAP_CONTAINS_KEY -> operand(a.get(1)) + " in " + operand(a.get(0));
      case MAP_KEY_SET -> "keys(" + x + ")";
      case MATH_MIN -> "math.min(" + x + ", " + y + ")";
      case MATH_MAX -> "math.max(" + x + ", " + y + ")";
      case MATH_ABS -> "math.abs(" + x + ")";
      case INTEGER_PARSE_INT, LONG_PARSE_LONG -> "int(" + x + ")";
      case DOUBLE_PARSE_DOUBLE ->
          // Java trims characters up to U+0020 and accepts a leading '+' and a d/f suffix.
          "double(text.replace_all_regex(text.replace_all_regex("
              + x
              + ", "
              + literal("^[\\x{0}-\\x{20}]+|[\\x{0}-\\x{20}]+$")
              + ", \"\"), "
              + literal("^[+]|[dDfF]$")
              + ", \"\"))";
      case MATH_ROUND -> "int(math.floor(" + x + " + 0.5))";
      case ENUM_NAME -> x;
      case ENUM_ORDINAL ->
          "map.get(" + ordinals((IrType.EnumType) a.get(0).type()) + ", " + x + ")";
      case ENUM_VALUE_OF -> {
        IrType.EnumType t = (IrType.EnumType) c.type();
        yield failingHelper(
            helpers.call(
                "value_of",
                List.of(
                    "["
                        + t.constants().stream()
                            .map(CloudWorkflowsExpressions::literal)
                            .collect(Collectors.joining(", "))
                        + "]",
                    x,
                    literal(t.qualifiedName()))),
            t.simpleName() + ".valueOf(s)");
      }
      case EXECUTION_ID -> "sys.get_env(\"GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID\")";
      case NEW_LIST, NEW_MAP -> x;
      case LIST_WITH_ADDED ->
          holdsLists(a.get(0).type())
              ? helpers.call("appended", List.of(x, y))
              : "list.concat(" + x + ", " + y + ")";
      case LIST_WITH_ALL -> x + " + " + y;
      case MAP_WITH_PUT -> "map.merge(" + x + ", {" + y + ": " + expr(a.get(2)) + "})";
      case MAP_WITHOUT_KEY -> "map.delete(" + x + ", " + y + ")";
      case STRING_JOIN -> helpers.call("join", List.of(y, x));
      case LIST_INDEX_OF -> helpers.call("index_of", List.of(x, y));
      case LIST_SUB_LIST -> helpers.call("sub_list", List.of(x, y, expr(a.get(2))));
      case LIST_SORTED, LIST_SORTED_IN_PLACE -> helpers.call("sorted", List.of(x));
      case LIST_DISTINCT -> helpers.call("distinct", List.of(x));
      case LIST_WITH_SET -> helpers.call("with_set", List.of(x, y, expr(a.get(2))));
      case LIST_WITHOUT_INDEX -> helpers.call("without_index", List.of(x, y));
      case MAP_VALUES -> helpers.call("values", List.of(x));
      case NATURAL_LESS -> operand(a.get(0)) + " < " + operand(a.get(1));
      case STRING_FORMAT_ONE -> formatOne((String) ((Expr.Literal) a.get(0)).value(), a.get(1));
      // Java's for-each throws NullPointerException on a null collection.
      case REQUIRE_NON_NULL -> {
        if (nullness.mayBeNull(a.get(0))) {
          helpers.check(
              List.copyOf(guards),
              "(" + x + ") == null",
              literal("java.lang.NullPointerException: Cannot iterate over a null collection"));
        }
        yield x;
      }
      case LIST_SORTED_BY -> {
        String directions = (String) ((Expr.Literal) a.get(a.size() - 1)).value();
        List<String> keys = a.subList(1, a.size() - 1).stream().map(this::expr).toList();
        List<String> descending =
            directions.chars().mapToObj(d -> d == '-' ? "true" : "false").toList();
        yield helpers.call(
            "sorted_by",
            List.of(
                x, "[" + String.join(", ", keys) + "]", "[" + String.join(", ", descending) + "]"));
      }
      case LIST_WITH_INSERTED -> helpers.call("with_inserted", List.of(x, y, expr(a.get(2))));
      case LIST_WITHOUT_VALUE -> helpers.call("without_value", List.of(x, y));
    };
  }

  /**
   * One conversion of {@code String.format(Locale.ROOT, ...)} with a width or flags: the sign
   * before zero padding, digits grouped and padded by helper subworkflows.
   */
  private String formatOne(String specText, Expr value) {
    FormatSpec spec = FormatSpec.parse(specText);
    String v = operand(value);
    String w = String.valueOf(spec.width());
    if (spec.conversion() == 's') {
      // %s of null is "null" in Java.
      String text = nullness.mayBeNull(value) ? "default(" + expr(value) + ", \"null\")" : v;
      return helpers.call("pad", List.of(text, w, String.valueOf(!spec.left()), "\" \""));
    }
    String digits =
        spec.conversion() == 'f'
            ? helpers.call(
                "fixed",
                List.of(v, String.valueOf(spec.precision()), "1" + "0".repeat(spec.precision())))
            : "string(math.abs(" + v + "))";
    if (spec.group()) {
      digits = helpers.call("grouped", List.of(digits));
    }
    String sign = "if(" + v + " < 0, \"-\", \"\")";
    if (spec.zero()) {
      return sign
          + " + "
          + helpers.call("pad", List.of(digits, w + " - len(" + sign + ")", "true", "\"0\""));
    }
    return spec.width() == 0
        ? sign + " + " + digits
        : helpers.call(
            "pad", List.of(sign + " + " + digits, w, String.valueOf(!spec.left()), "\" \""));
  }

  /**
   * {@code xs.get(i)} or {@code parts[i]}: Java's {@code IndexOutOfBoundsException} (or {@code
   * ArrayIndexOutOfBoundsException}) with its message when {@code i} is out of range, checked in a
   * step before the expression (under {@code ?:}, {@code &&} or {@code ||} only where Java reads).
   */
  private String checkedGet(Expr.Call c, List<Expr> a, String rendered, String index) {
    String list = atomic(a.get(0)) ? rendered : "(" + rendered + ")";
    String i =
        a.get(1) instanceof Expr.Literal || a.get(1) instanceof Expr.Local
            ? index
            : "(" + index + ")";
    {
      String exception =
          c.builtin() == dev.statecraft.compiler.ir.Builtin.ARRAY_GET
              ? "java.lang.ArrayIndexOutOfBoundsException"
              : "java.lang.IndexOutOfBoundsException";
      helpers.check(
          List.copyOf(guards),
          i + " < 0 or " + i + " >= len(" + list + ")",
          literal(exception + ": Index ")
              + " + string("
              + index
              + ") + \" out of bounds for length \" + string(len("
              + list
              + "))");
    }
    return list + "[" + index + "]";
  }

  /**
   * Whether the elements of a list of this type are lists, which {@code list.concat} must not be
   * given: Google documents it as appending a value, the emulator concatenates a list value.
   */
  static boolean holdsLists(IrType listType) {
    return listType instanceof IrType.ListType l && l.element() instanceof IrType.ListType;
  }

  /** A map from each constant's name to its ordinal, for {@code e.ordinal()}. */
  private static String ordinals(IrType.EnumType type) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < type.constants().size(); i++) {
      out.append(i == 0 ? "" : ", ")
          .append(literal(type.constants().get(i)))
          .append(": ")
          .append(i);
    }
    return out.append("}").toString();
  }

  /** The occurrences of {@code y} in {@code x}, as {@code [{index, length}, ...]}. */
  private static String findAll(String x, String y) {
    return "text.find_all(" + x + ", " + y + ")";
  }

  private String limit(String what) {
    diagnostics.error(
        DiagnosticCode.TARGET_LIMIT,
        position,
        "Cloud Workflows has no expression for " + what,
        "compute it in an activity, or leave GCP out of --target");
    return "null";
  }

  /** A Cloud Workflows literal. */
  static String literal(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
    return String.valueOf(v);
  }
}
