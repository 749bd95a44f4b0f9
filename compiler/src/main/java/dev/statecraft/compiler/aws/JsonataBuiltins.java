package dev.statecraft.compiler.aws;

import static dev.statecraft.compiler.aws.Jsonata.ADDITIVE;
import static dev.statecraft.compiler.aws.Jsonata.ATOM;
import static dev.statecraft.compiler.aws.Jsonata.COMPARISON;
import static dev.statecraft.compiler.aws.Jsonata.CONDITIONAL;
import static dev.statecraft.compiler.aws.JsonataRenderer.combine;

import dev.statecraft.compiler.ir.Builtin;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.FormatSpec;
import dev.statecraft.compiler.ir.IrType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The supported library methods in JSONata. Where JSONata's function differs from Java's method (a
 * {@code $split} that keeps trailing empty strings, a {@code $trim} that also collapses inner
 * spaces, sequences of one that collapse to a value), the rendering restores Java's result.
 */
final class JsonataBuiltins {
  /** The characters {@link String#trim} removes: every one up to {@code U+0020}. */
  private static final String CONTROL = "[\\u0000-\\u0020]";

  /**
   * The characters {@link Character#isWhitespace} accepts, as a regular expression class (not
   * {@code \\s}, which in JavaScript also takes non-breaking spaces).
   */
  private static final String WHITESPACE =
      "[\\u0009-\\u000D\\u001C-\\u0020\\u1680\\u2000-\\u2006\\u2008-\\u200A"
          + "\\u2028\\u2029\\u205F\\u3000]";

  private final JsonataRenderer renderer;

  /**
   * The builtins whose first argument is the object Java calls the method on, so that a {@code
   * null} there is a {@code NullPointerException}.
   */
  private static final Set<Builtin> ON_RECEIVER =
      EnumSet.complementOf(
          EnumSet.of(
              Builtin.EQUALS,
              Builtin.STRING_JOIN,
              Builtin.STRING_VALUE_OF,
              Builtin.STRING_FORMAT_ONE,
              Builtin.MATH_MIN,
              Builtin.MATH_MAX,
              Builtin.MATH_ABS,
              Builtin.INTEGER_PARSE_INT,
              Builtin.LONG_PARSE_LONG,
              Builtin.DOUBLE_PARSE_DOUBLE,
              Builtin.MATH_ROUND,
              Builtin.ENUM_VALUE_OF,
              Builtin.EXECUTION_ID,
              Builtin.NEW_LIST,
              Builtin.NEW_MAP,
              Builtin.NATURAL_LESS));

  JsonataBuiltins(JsonataRenderer renderer) {
    this.renderer = renderer;
  }

  /** The rendered receiver {@code e} of {@code b}, checked for {@code null} as Java does. */
  private Jsonata receiver(Builtin b, Expr e) {
    return ON_RECEIVER.contains(b) ? renderer.receiver(e) : renderer.render(e);
  }

  Jsonata render(Expr.Call c) {
    List<Expr> args = c.arguments();
    Jsonata a = args.isEmpty() ? null : receiver(c.builtin(), args.get(0));
    Jsonata b = args.size() > 1 ? renderer.render(args.get(1)) : null;
    return switch (c.builtin()) {
      case EQUALS -> JsonataRenderer.infix("=", COMPARISON, a, b);
      case STRING_LENGTH -> fn("$length", a);
      case STRING_IS_EMPTY -> combine("$length(" + a.text() + ") = 0", COMPARISON, a);
      case STRING_CONTAINS -> fn("$contains", a, b);
      case STRING_STARTS_WITH ->
          combine(
              "$substring("
                  + a.text()
                  + ", 0, $length("
                  + b.text()
                  + ")) = "
                  + b.at(COMPARISON + 1),
              COMPARISON,
              a,
              b);
      case STRING_ENDS_WITH ->
          combine(
              "($__s := "
                  + a.text()
                  + "; $__p := "
                  + b.text()
                  + "; $length($__p) <= $length($__s) and $substring($__s, $length($__s) - $length($__p)) = $__p)",
              ATOM,
              a,
              b);
      case STRING_TO_UPPER_CASE -> fn("$uppercase", a);
      case STRING_TO_LOWER_CASE -> fn("$lowercase", a);
      case STRING_TRIM ->
          combine("$replace(" + a.text() + ", /^" + CONTROL + "+|" + CONTROL + "+$/, '')", ATOM, a);
      case STRING_SUBSTRING ->
          substring(a, b, args.size() > 2 ? renderer.render(args.get(2)) : null);
      case STRING_INDEX_OF ->
          combine(
              "($__s := "
                  + a.text()
                  + "; $__p := "
                  + b.text()
                  + "; $contains($__s, $__p) ? $length($substringBefore($__s, $__p)) : -1)",
              ATOM,
              a,
              b);
      case STRING_INDEX_OF_FROM -> indexOfFrom(a, b, renderer.render(args.get(2)));
      case STRING_REPEAT ->
          combine(
              "($__s := "
                  + a.text()
                  + "; $__n := "
                  + b.text()
                  + "; $__n < 0 ? $error('java.lang.IllegalArgumentException: count is negative: ' &"
                  + " $__n) : $__n = 0 ? '' : $join([1..$__n].($__s)))",
              ATOM,
              a,
              b);
      case STRING_STRIP ->
          combine(
              "$replace(" + a.text() + ", /^" + WHITESPACE + "+|" + WHITESPACE + "+$/, '')",
              ATOM,
              a);
      case STRING_STRIP_LEADING ->
          combine("$replace(" + a.text() + ", /^" + WHITESPACE + "+/, '')", ATOM, a);
      case STRING_STRIP_TRAILING ->
          combine("$replace(" + a.text() + ", /" + WHITESPACE + "+$/, '')", ATOM, a);
      case STRING_SPLIT -> split(a, args.get(1));
      case STRING_LAST_INDEX_OF -> lastIndexOf(a, b);
      case STRING_REPLACE -> replace(a, args.get(1), b, renderer.render(args.get(2)));
      case STRING_IS_BLANK ->
          combine("$contains(" + a.text() + ", /^" + WHITESPACE + "*$/)", ATOM, a);
      case STRING_EQUALS_IGNORE_CASE ->
          combine("$lowercase(" + a.text() + ") = $lowercase(" + b.text() + ")", COMPARISON, a, b);
      case STRING_JOIN -> combine("$join(" + b.text() + ", " + a.text() + ")", ATOM, a, b);
      case STRING_VALUE_OF -> renderer.javaString(args.get(0));
      case LIST_SIZE -> fn("$count", a);
      case LIST_IS_EMPTY -> combine("$count(" + a.text() + ") = 0", COMPARISON, a);
      case LIST_ELEMENT -> combine(step(a) + "[" + b.text() + "]", ATOM, a, b);
      case LIST_GET -> checkedGet(a, b, "java.lang.IndexOutOfBoundsException");
      case ARRAY_GET -> checkedGet(a, b, "java.lang.ArrayIndexOutOfBoundsException");
      case LIST_CONTAINS ->
          combine(
              renderer.element(args.get(1)).at(COMPARISON + 1) + " in " + a.at(COMPARISON + 1),
              COMPARISON,
              a,
              b);
      case LIST_INDEX_OF ->
          combine(
              "($__x := "
                  + b.text()
                  + "; $__i := $filter($map("
                  + a.text()
                  + ", function($__v, $__k) { $__v = $__x ? $__k : -1 }), function($__k) { $__k >= 0 }); $exists($__i) ? $__i[0] : -1)",
              ATOM,
              a,
              b);
      case LIST_SORTED, LIST_SORTED_IN_PLACE ->
          combine("$append([], $sort(" + a.text() + "))", ATOM, a);
      case LIST_DISTINCT -> combine("$append([], $distinct(" + a.text() + "))", ATOM, a);
      case LIST_SUB_LIST ->
          combine(
              "$append([], $filter("
                  + a.text()
                  + ", function($__v, $__k) { $__k >= "
                  + b.at(COMPARISON + 1)
                  + " and $__k < "
                  + renderer.render(args.get(2)).at(COMPARISON + 1)
                  + " }))",
              ATOM,
              a,
              b,
              renderer.render(args.get(2)));
      // Java's get answers null for a missing key; JSONata's $lookup answers nothing.
      case MAP_GET ->
          combine(
              "($__v := $lookup(" + a.text() + ", " + b.text() + "); $exists($__v) ? $__v : null)",
              ATOM,
              a,
              b);
      case MAP_GET_OR_DEFAULT ->
          combine(
              "($__v := $lookup("
                  + a.text()
                  + ", "
                  + b.text()
                  + "); $exists($__v) ? $__v : "
                  + renderer.render(args.get(2)).at(CONDITIONAL)
                  + ")",
              ATOM,
              a,
              b,
              renderer.render(args.get(2)));
      case MAP_CONTAINS_KEY ->
          combine(b.at(COMPARISON + 1) + " in $keys(" + a.text() + ")", COMPARISON, a, b);
      case MAP_KEY_SET -> combine("[$keys(" + a.text() + ")]", ATOM, a);
      case MAP_SIZE -> combine("$count($keys(" + a.text() + "))", ATOM, a);
      case MATH_MIN -> combine("$min([" + a.text() + ", " + b.text() + "])", ATOM, a, b);
      case MATH_MAX -> combine("$max([" + a.text() + ", " + b.text() + "])", ATOM, a, b);
      case MATH_ABS -> fn("$abs", a);
      case INTEGER_PARSE_INT -> parse(a, "/^[+-]?[0-9]+$/", "-2147483648", "2147483647");
      case LONG_PARSE_LONG ->
          parse(a, "/^[+-]?[0-9]+$/", "-9223372036854775808", "9223372036854775807");
      case DOUBLE_PARSE_DOUBLE -> parseDouble(a);
      case MATH_ROUND -> combine("$floor(" + a.text() + " + 0.5)", ATOM, a);
      case ENUM_NAME -> a;
      case ENUM_ORDINAL ->
          combine("$lookup(" + ordinals(args.get(0)) + ", " + a.text() + ")", ATOM, a);
      case ENUM_VALUE_OF -> valueOf(a, (IrType.EnumType) c.type());
      case EXECUTION_ID -> new Jsonata("$states.context.Execution.Id", Set.of(), ATOM);
      case NEW_LIST, NEW_MAP -> a;
      case LIST_WITH_ADDED ->
          combine("$append(" + a.text() + ", " + one(args.get(1), b).text() + ")", ATOM, a, b);
      case LIST_WITH_ALL -> combine("$append(" + a.text() + ", " + b.text() + ")", ATOM, a, b);
      case LIST_WITH_SET -> {
        Jsonata x = renderer.render(args.get(2));
        yield inBounds(
            a,
            b,
            false,
            (l, i) -> {
              Jsonata chosen =
                  new Jsonata(
                      "$__k = " + i.text() + " ? " + x.at(CONDITIONAL + 1) + " : $__v",
                      x.reads(),
                      CONDITIONAL);
              return combine(
                  "$reduce("
                      + l.text()
                      + ", function($__acc, $__v, $__k) { $append($__acc, "
                      + wrapped(args.get(2).type(), chosen)
                      + ") }, [])",
                  ATOM,
                  x);
            });
      }
      case LIST_WITHOUT_INDEX ->
          inBounds(
              a,
              b,
              false,
              (l, i) ->
                  Jsonata.atom(
                      "$reduce("
                          + l.text()
                          + ", function($__acc, $__v, $__k) { $__k = "
                          + i.text()
                          + " ? $__acc : $append($__acc, "
                          + wrapped(
                              ((IrType.ListType) args.get(0).type()).element(),
                              Jsonata.atom("$__v"))
                          + ") }, [])"));
      case LIST_WITH_INSERTED -> {
        Jsonata x = renderer.render(args.get(2));
        yield inBounds(
            a,
            b,
            true,
            (l, i) ->
                combine(
                    "$reduce([0..$count("
                        + l.text()
                        + ")], function($__acc, $__k) { $append($__k = "
                        + i.text()
                        + " ? $append($__acc, ["
                        + x.text()
                        + "]) : $__acc, $__k < $count("
                        + l.text()
                        + ") ? ["
                        + l.text()
                        + "[$__k]] : []) }, [])",
                    ATOM,
                    x));
      }
      case LIST_WITHOUT_VALUE ->
          combine(
              "($__wl := "
                  + a.text()
                  + "; $__wx := "
                  + b.text()
                  + "; $__wi := $filter($map($__wl, function($__v, $__k) { $__v = $__wx ? $__k : -1 }),"
                  + " function($__k) { $__k >= 0 }); $__wf := $exists($__wi) ? $__wi[0] : -1;"
                  + " $append([], $filter($__wl, function($__v, $__k) { $__k != $__wf })))",
              ATOM,
              a,
              b);
      case MAP_WITH_PUT -> {
        Jsonata v = renderer.render(args.get(2));
        yield combine(
            "$merge([" + a.text() + ", {" + b.text() + ": " + v.text() + "}])", ATOM, a, b, v);
      }
      case MAP_WITHOUT_KEY ->
          combine(
              "($__r := $sift("
                  + a.text()
                  + ", function($__v, $__k) { $__k != "
                  + b.at(COMPARISON + 1)
                  + " }); $exists($__r) ? $__r : {})",
              ATOM,
              a,
              b);
      case MAP_VALUES ->
          combine(
              "($__m := "
                  + a.text()
                  + "; $reduce([$keys($__m)], function($__acc, $__k) { $append($__acc, "
                  + wrapped(((IrType.MapType) args.get(0).type()).value(), valueOf())
                  + ") }, []))",
              ATOM,
              a);
      case LIST_SORTED_BY -> sortedBy(args);
      case NATURAL_LESS -> JsonataRenderer.infix("<", COMPARISON, a, b);
      case STRING_FORMAT_ONE -> formatOne((String) ((Expr.Literal) args.get(0)).value(), b);
      case REQUIRE_NON_NULL -> a;
    };
  }

  /**
   * The list in the order of its key lists, equal ones in their order as Java's stable sort keeps
   * them: the indexes sorted by {@code $sort}, then the elements at those indexes.
   */
  private Jsonata sortedBy(List<Expr> args) {
    Jsonata items = renderer.render(args.get(0));
    String directions = (String) ((Expr.Literal) args.get(args.size() - 1)).value();
    List<Jsonata> parts = new ArrayList<>(List.of(items));
    StringBuilder text = new StringBuilder("($__items := ").append(items.text()).append("; ");
    for (int j = 0; j < directions.length(); j++) {
      Jsonata keys = renderer.render(args.get(j + 1));
      parts.add(keys);
      text.append("$__k").append(j).append(" := ").append(keys.text()).append("; ");
    }
    // Whether index $__a goes after index $__b: the first key that differs decides, and equal
    // keys keep the indexes in order, so the order is total and no sort can swap equal elements.
    String after = "$__a > $__b";
    for (int j = directions.length() - 1; j >= 0; j--) {
      String ka = "$__k" + j + "[$__a]";
      String kb = "$__k" + j + "[$__b]";
      String beyond = ka + (directions.charAt(j) == '-' ? " < " : " > ") + kb;
      after = ka + " != " + kb + " ? " + beyond + " : (" + after + ")";
    }
    String element =
        wrapped(((IrType.ListType) args.get(0).type()).element(), Jsonata.atom("$__items[$__i]"));
    text.append("$count($__items) = 0 ? [] : $reduce($sort([0..$count($__items) - 1],")
        .append(" function($__a, $__b) { ")
        .append(after)
        .append(" }), function($__acc, $__i) { $append($__acc, ")
        .append(element)
        .append(") }, []))");
    return combine(text.toString(), ATOM, parts.toArray(Jsonata[]::new));
  }

  /**
   * One conversion of {@code String.format(Locale.ROOT, ...)} with a width or flags: the sign
   * before zero padding ({@code %05d} of -42 is {@code -0042}), digits grouped by {@code
   * $formatNumber} (exact for whole numbers), then {@code $pad} to the width.
   */
  private static Jsonata formatOne(String specText, Jsonata value) {
    FormatSpec spec = FormatSpec.parse(specText);
    int w = spec.width();
    if (spec.conversion() == 's') {
      // A missing field reads as null, which Java prints as "null".
      return combine(
          "($__v := "
              + value.text()
              + "; $pad($exists($__v) ? $string($__v) : 'null', "
              + (spec.left() ? w : -w)
              + "))",
          ATOM,
          value);
    }
    String digits =
        spec.conversion() == 'f'
            ? fixed(spec.precision())
            : spec.group() ? "$formatNumber($abs($__n), '#,##0')" : "$string($abs($__n))";
    String shown =
        spec.zero()
            ? "$__sign & $pad(" + digits + ", -(" + w + " - $length($__sign)), '0')"
            : w == 0
                ? "$__sign & " + digits
                : "$pad($__sign & " + digits + ", " + (spec.left() ? w : -w) + ")";
    return combine(
        "($__n := " + value.text() + "; $__sign := $__n < 0 ? '-' : ''; " + shown + ")",
        ATOM,
        value);
  }

  /**
   * The digits of {@code |$__n|} with {@code n} decimals, as Java's {@code %.nf} prints them: half
   * up on the shortest decimal digits of the double. With {@code k} the floor of {@code |x| * 10^n}
   * (within one of the exact product), the result is {@code k + 1} exactly when {@code |x|} is at
   * least the double nearest to {@code (k + 0.5) / 10^n}, which {@code $number} parses from its
   * decimal digits; a tie reads as equal, and rounds up. Exact while {@code |x| * 10^n < 10^14},
   * where {@code $string} still prints every digit of an integer; beyond, the execution fails.
   */
  private static String fixed(int n) {
    String digits = "$__d := $pad($string($__a >= $__h ? $__k + 1 : $__k), -" + (n + 1) + ", '0')";
    String shown =
        n == 0
            ? "$__d"
            : "$substring($__d, 0, $length($__d) - "
                + n
                + ") & '.' & $substring($__d, $length($__d) - "
                + n
                + ")";
    return "($__a := $abs($__n); $__y := $__a * 1e"
        + n
        + "; $__y >= 1e14 ? $error('statecraft.FormatOutOfRange: %."
        + n
        + "f of ' & $string($__n) & ' needs more digits than the engine prints exactly')"
        + " : ($__k := $floor($__y); $__h := $number($string($__k * 10 + 5) & 'e-"
        + (n + 1)
        + "'); "
        + digits
        + "; "
        + shown
        + "))";
  }

  private static Jsonata valueOf() {
    return Jsonata.atom("$lookup($__m, $__k)");
  }

  /**
   * Element {@code b} of list {@code a}, or, out of range, the failure Java's exception would be:
   * JSONata itself answers nothing there, which later reads as an empty value.
   */
  private static Jsonata checkedGet(Jsonata a, Jsonata b, String exception) {
    return combine(
        "($__l := "
            + a.text()
            + "; $__i := "
            + b.text()
            + "; $__i >= 0 and $__i < $count($__l) ? $__l[$__i] : $error('"
            + exception
            + ": Index ' & $__i & ' out of bounds for length ' & $count($__l)))",
        ATOM,
        a,
        b);
  }

  /**
   * {@code s.indexOf(t, from)}: the search starts at {@code from} clamped to {@code [0,
   * s.length()]}, as in Java.
   */
  private static Jsonata indexOfFrom(Jsonata s, Jsonata t, Jsonata from) {
    return combine(
        "($__s := "
            + s.text()
            + "; $__p := "
            + t.text()
            + "; $__f := "
            + from.text()
            + "; $__f := $__f < 0 ? 0 : $__f > $length($__s) ? $length($__s) : $__f;"
            + " $__r := $substring($__s, $__f);"
            + " $contains($__r, $__p) ? $__f + $length($substringBefore($__r, $__p)) : -1)",
        ATOM,
        s,
        t,
        from);
  }

  /** An object from each constant's name to its ordinal, for {@code e.ordinal()}. */
  private static String ordinals(Expr e) {
    List<String> constants = ((IrType.EnumType) e.type()).constants();
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < constants.size(); i++) {
      out.append(i == 0 ? "" : ", ")
          .append(JsonataRenderer.string(constants.get(i)))
          .append(": ")
          .append(i);
    }
    return out.append("}").toString();
  }

  /** {@code E.valueOf(s)}: the name itself when {@code E} has that constant, else Java's error. */
  private static Jsonata valueOf(Jsonata s, IrType.EnumType type) {
    String names =
        "["
            + String.join(", ", type.constants().stream().map(JsonataRenderer::string).toList())
            + "]";
    return combine(
        "($__n := "
            + s.text()
            + "; $not($exists($__n)) or $__n = null"
            + " ? $error('java.lang.NullPointerException: Name is null')"
            + " : $__n in "
            + names
            + " ? $__n : $error("
            + JsonataRenderer.string(
                "java.lang.IllegalArgumentException: No enum constant "
                    + type.qualifiedName()
                    + ".")
            + " & $__n))",
        ATOM,
        s);
  }

  /**
   * {@code body} of the list and index (held in block variables) when the index is in range ({@code
   * insertion}: up to the size), else the failure of Java's {@code ArrayList}.
   */
  private static Jsonata inBounds(
      Jsonata list,
      Jsonata index,
      boolean insertion,
      java.util.function.BiFunction<Jsonata, Jsonata, Jsonata> body) {
    Jsonata inner = body.apply(Jsonata.atom("$__bl"), Jsonata.atom("$__bi"));
    String ok = "$__bi >= 0 and $__bi " + (insertion ? "<=" : "<") + " $count($__bl)";
    String message =
        insertion
            ? "'java.lang.IndexOutOfBoundsException: Index: ' & $__bi & ', Size: ' & $count($__bl)"
            : "'java.lang.IndexOutOfBoundsException: Index ' & $__bi & ' out of bounds for length '"
                + " & $count($__bl)";
    return combine(
        "($__bl := "
            + list.text()
            + "; $__bi := "
            + index.text()
            + "; "
            + ok
            + " ? "
            + inner.text()
            + " : $error("
            + message
            + "))",
        ATOM,
        list,
        index,
        inner);
  }

  /**
   * One element to append: {@code $append} splices an array argument, so a list element is boxed.
   */
  private Jsonata one(Expr element, Jsonata rendered) {
    return element.type() instanceof dev.statecraft.compiler.ir.IrType.ListType
        ? combine(wrapped(element.type(), rendered), ATOM, rendered)
        : rendered;
  }

  /**
   * A list value as one element of {@code $append}'s second argument: boxed once more unless it is
   * written as an array constructor, which JSONata keeps whole ({@link
   * JsonataRenderer#isArrayConstructor}).
   */
  private static String wrapped(dev.statecraft.compiler.ir.IrType type, Jsonata value) {
    if (!(type instanceof dev.statecraft.compiler.ir.IrType.ListType)) {
      return value.text();
    }
    return JsonataRenderer.isArrayConstructor(value.text())
        ? "[" + value.text() + "]"
        : "[[" + value.text() + "]]";
  }

  private static String step(Jsonata a) {
    return a.precedence() == ATOM && a.text().startsWith("$") ? a.text() : "(" + a.text() + ")";
  }

  private static Jsonata substring(Jsonata s, Jsonata begin, Jsonata end) {
    if (end == null) {
      return fn("$substring", s, begin);
    }
    return combine(
        "$substring("
            + s.text()
            + ", "
            + begin.text()
            + ", "
            + end.at(ADDITIVE)
            + " - "
            + begin.at(ADDITIVE + 1)
            + ")",
        ATOM,
        s,
        begin,
        end);
  }

  /**
   * Java's {@code split}: the pieces between the matches of a regular expression (the front end
   * admits only those that mean the same in JSONata), trailing empty strings dropped, and the whole
   * string, even an empty one, when nothing matches.
   */
  private Jsonata split(Jsonata s, Expr separator) {
    String regex = (String) ((Expr.Literal) separator).value();
    boolean literal = regex.chars().noneMatch(ch -> "\\^$.|?*+()[]{}".indexOf(ch) >= 0);
    String sep = literal ? JsonataRenderer.string(regex) : "/" + regex.replace("/", "\\/") + "/";
    return combine(
        "($__s := "
            + s.text()
            + "; $__p := $split($__s, "
            + sep
            + "); $__k := $filter([0..$count($__p) - 1], function($j) { $__p[$j] != '' });"
            + " $__s = '' ? [''] : $exists($__k) ? $append([], $__p[[0..$max($__k)]]) : [])",
        ATOM,
        s);
  }

  /**
   * {@code s.lastIndexOf(t)}: the first occurrence of reversed {@code t} in reversed {@code s}, so
   * that overlapping occurrences count as in Java ({@code "aaa".lastIndexOf("aa")} is 1).
   */
  private static Jsonata lastIndexOf(Jsonata s, Jsonata t) {
    return combine(
        "($__rev := function($x) { $join($reverse($split($x, ''))) }; $__s := "
            + s.text()
            + "; $__t := "
            + t.text()
            + "; $__rs := $__rev($__s); $__rt := $__rev($__t);"
            + " $contains($__rs, $__rt) ? $length($__s) - $length($__t)"
            + " - $length($substringBefore($__rs, $__rt)) : -1)",
        ATOM,
        s,
        t);
  }

  /**
   * {@code s.replace(target, replacement)}: literal, every occurrence. JSONata refuses an empty
   * pattern, which Java reads as every position: {@code "ab".replace("", "-")} is {@code "-a-b-"}.
   */
  private static Jsonata replace(Jsonata s, Expr targetExpr, Jsonata target, Jsonata by) {
    if (targetExpr instanceof Expr.Literal l && l.value() instanceof String t && !t.isEmpty()) {
      return fn("$replace", s, target, by);
    }
    return combine(
        "($__s := "
            + s.text()
            + "; $__t := "
            + target.text()
            + "; $__r := "
            + by.text()
            + "; $__t = '' ? ($length($__s) = 0 ? $__r"
            + " : $__r & $join($split($__s, ''), $__r) & $__r)"
            + " : $replace($__s, $__t, $__r))",
        ATOM,
        s,
        target,
        by);
  }

  /**
   * {@code Integer.parseInt} and {@code Long.parseLong}: Java's syntax (an optional sign and
   * digits, nothing else) and range, else {@code NumberFormatException}.
   */
  private static Jsonata parse(Jsonata s, String syntax, String min, String max) {
    return combine(
        "($__v := "
            + s.text()
            + "; $__n := $contains($__v, "
            + syntax
            + ") ? $number($replace($__v, /^\\+/, '')); $exists($__n) and $__n >= "
            + min
            + " and $__n <= "
            + max
            + " ? $__n : "
            + numberFormatError("$__v")
            + ")",
        ATOM,
        s);
  }

  /**
   * {@code Double.parseDouble}: Java's syntax ({@code " 1.5 "}, {@code "+.5"}, {@code "5."}, {@code
   * "1e3"}, {@code "2d"}) normalized to JSON's before {@code $number}.
   */
  private static Jsonata parseDouble(Jsonata s) {
    return combine(
        "($__v := "
            + s.text()
            + "; $__t := $replace($__v, /^[\\x00-\\x20]+|[\\x00-\\x20]+$/, '');"
            + " $contains($__t, /^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?[dDfF]?$/)"
            + " ? $number($replace($replace($replace($replace($replace($replace($__t,"
            + " /[dDfF]$/, ''), /^[+]/, ''), /^[.]/, '0.'), /^-[.]/, '-0.'), /[.]$/, '.0'),"
            + " /[.][eE]/, '.0e')) : "
            + numberFormatError("$__v")
            + ")",
        ATOM,
        s);
  }

  private static String numberFormatError(String input) {
    return "$error('java.lang.NumberFormatException: For input string: \"' & " + input + " & '\"')";
  }

  private static Jsonata fn(String name, Jsonata... args) {
    StringBuilder text = new StringBuilder(name).append('(');
    for (int i = 0; i < args.length; i++) {
      text.append(i == 0 ? "" : ", ").append(args[i].text());
    }
    return combine(text.append(')').toString(), ATOM, args);
  }
}
