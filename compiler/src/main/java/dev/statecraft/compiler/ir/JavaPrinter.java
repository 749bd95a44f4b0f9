package dev.statecraft.compiler.ir;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints an IR expression as Java source with the same meaning: for comments in emitted artifacts
 * and for the Azure back end, which generates Java. Operands are parenthesized whenever they are
 * not atomic, so precedence never changes meaning.
 */
public final class JavaPrinter {
  private final String executionId;
  private final Function<String, String> localName;
  private final boolean qualifiedTypes;

  /**
   * @param executionId the Java expression {@code Durable.executionId()} becomes
   * @param localName how a local variable is spelled
   * @param qualifiedTypes whether records and enums are spelled with their package, for generated
   *     code that does not import them
   */
  public JavaPrinter(
      String executionId, Function<String, String> localName, boolean qualifiedTypes) {
    this.executionId = executionId;
    this.localName = localName;
    this.qualifiedTypes = qualifiedTypes;
  }

  /** A printer for comments: names as written, {@code Durable.executionId()} as is. */
  public static JavaPrinter forComments() {
    return new JavaPrinter("Durable.executionId()", n -> n, false);
  }

  /** The expression as Java source. */
  public String print(Expr e) {
    if (e instanceof Expr.Literal l) {
      return literal(l);
    }
    if (e instanceof Expr.Local l) {
      return localName.apply(l.name());
    }
    if (e instanceof Expr.Unary u) {
      return (u.op() == Expr.UnaryOp.NOT ? "!" : "-") + operand(u.operand());
    }
    if (e instanceof Expr.Binary b) {
      return operand(b.left()) + " " + b.op().java() + " " + operand(b.right());
    }
    if (e instanceof Expr.Conditional c) {
      return operand(c.condition())
          + " ? "
          + operand(c.whenTrue())
          + " : "
          + operand(c.whenFalse());
    }
    if (e instanceof Expr.Concat c) {
      String joined = c.parts().stream().map(this::operand).collect(Collectors.joining(" + "));
      return c.parts().get(0).type().equals(IrType.STRING)
              || c.parts().size() > 1 && c.parts().get(1).type().equals(IrType.STRING)
          ? joined
          : "\"\" + " + joined;
    }
    if (e instanceof Expr.Convert c) {
      return "(" + c.type().javaName() + ") " + operand(c.value());
    }
    if (e instanceof Expr.NewRecord r) {
      String name = qualifiedTypes ? r.type().qualifiedName() : r.type().simpleName();
      return "new "
          + name
          + (r.type().typeArguments().isEmpty() ? "" : "<>")
          + "("
          + args(r.arguments())
          + ")";
    }
    if (e instanceof Expr.FieldGet f) {
      return operand(f.target()) + "." + f.field() + "()";
    }
    if (e instanceof Expr.ListLiteral l) {
      return (qualifiedTypes ? "java.util.List.of(" : "List.of(") + args(l.elements()) + ")";
    }
    if (e instanceof Expr.MapLiteral m) {
      return (qualifiedTypes ? "java.util.Map.of(" : "Map.of(") + args(m.entries()) + ")";
    }
    if (e instanceof Expr.Call c) {
      return call(c);
    }
    if (e instanceof Expr.ActivityCall a) {
      return a.activity().ownerSimpleName()
          + "."
          + a.activity().name()
          + "("
          + args(a.arguments())
          + ")";
    }
    if (e instanceof Expr.ChildCall k) {
      return "/* child workflow */ "
          + k.workflowName().replace('-', '_')
          + "("
          + k.input().map(this::print).orElse("")
          + ")";
    }
    throw new IllegalStateException("cannot print " + e);
  }

  private String operand(Expr e) {
    String s = print(e);
    boolean atomic =
        e instanceof Expr.Literal
            || e instanceof Expr.Local
            || e instanceof Expr.FieldGet
            || e instanceof Expr.Call
            || e instanceof Expr.NewRecord
            || e instanceof Expr.ListLiteral
            || e instanceof Expr.MapLiteral;
    return atomic
            && !(e instanceof Expr.Literal l
                && l.value() instanceof Number n
                && n.doubleValue() < 0)
        ? s
        : "(" + s + ")";
  }

  private String args(List<Expr> args) {
    return args.stream().map(this::print).collect(Collectors.joining(", "));
  }

  private String call(Expr.Call c) {
    List<Expr> a = c.arguments();
    String r = a.isEmpty() ? "" : operand(a.get(0));
    return switch (c.builtin()) {
      case EQUALS ->
          a.get(0) instanceof Expr.Call n && n.builtin() == Builtin.REQUIRE_NON_NULL
              ? operand(n.arguments().get(0)) + ".equals(" + print(a.get(1)) + ")"
              : "java.util.Objects.equals(" + args(a) + ")";
      case STRING_LENGTH -> r + ".length()";
      case STRING_IS_EMPTY -> r + ".isEmpty()";
      case STRING_CONTAINS -> r + ".contains(" + print(a.get(1)) + ")";
      case STRING_STARTS_WITH -> r + ".startsWith(" + print(a.get(1)) + ")";
      case STRING_ENDS_WITH -> r + ".endsWith(" + print(a.get(1)) + ")";
      case STRING_TO_UPPER_CASE -> r + ".toUpperCase()";
      case STRING_TO_LOWER_CASE -> r + ".toLowerCase()";
      case STRING_TRIM -> r + ".trim()";
      case STRING_SUBSTRING -> r + ".substring(" + args(a.subList(1, a.size())) + ")";
      case STRING_INDEX_OF -> r + ".indexOf(" + print(a.get(1)) + ")";
      case STRING_INDEX_OF_FROM -> r + ".indexOf(" + args(a.subList(1, 3)) + ")";
      case STRING_REPEAT -> r + ".repeat(" + print(a.get(1)) + ")";
      case STRING_STRIP -> r + ".strip()";
      case STRING_STRIP_LEADING -> r + ".stripLeading()";
      case STRING_STRIP_TRAILING -> r + ".stripTrailing()";
      case STRING_LAST_INDEX_OF -> r + ".lastIndexOf(" + print(a.get(1)) + ")";
      case STRING_REPLACE -> r + ".replace(" + args(a.subList(1, 3)) + ")";
      case STRING_IS_BLANK -> r + ".isBlank()";
      case STRING_EQUALS_IGNORE_CASE -> r + ".equalsIgnoreCase(" + print(a.get(1)) + ")";
      case STRING_SPLIT -> "java.util.List.of(" + r + ".split(" + print(a.get(1)) + "))";
      case STRING_JOIN -> "String.join(" + args(a) + ")";
      case STRING_VALUE_OF -> "String.valueOf(" + print(a.get(0)) + ")";
      case LIST_SIZE, MAP_SIZE -> r + ".size()";
      case LIST_GET, ARRAY_GET, LIST_ELEMENT, MAP_GET -> r + ".get(" + print(a.get(1)) + ")";
      case LIST_IS_EMPTY -> r + ".isEmpty()";
      case LIST_CONTAINS -> r + ".contains(" + print(a.get(1)) + ")";
      case LIST_INDEX_OF -> r + ".indexOf(" + print(a.get(1)) + ")";
      case LIST_SUB_LIST -> r + ".subList(" + args(a.subList(1, 3)) + ")";
      case LIST_SORTED -> "new java.util.ArrayList<>(" + r + ".stream().sorted().toList())";
      case LIST_SORTED_IN_PLACE -> r + ".sort(null)";
      case LIST_DISTINCT ->
          "new java.util.ArrayList<>(new java.util.LinkedHashSet<>(" + print(a.get(0)) + "))";
      case MAP_GET_OR_DEFAULT -> r + ".getOrDefault(" + args(a.subList(1, 3)) + ")";
      case MAP_CONTAINS_KEY -> r + ".containsKey(" + print(a.get(1)) + ")";
      case MAP_KEY_SET -> "java.util.List.copyOf(" + r + ".keySet())";
      case MATH_MIN -> "Math.min(" + args(a) + ")";
      case MATH_MAX -> "Math.max(" + args(a) + ")";
      case MATH_ABS -> "Math.abs(" + args(a) + ")";
      case INTEGER_PARSE_INT -> "Integer.parseInt(" + args(a) + ")";
      case LONG_PARSE_LONG -> "Long.parseLong(" + args(a) + ")";
      case DOUBLE_PARSE_DOUBLE -> "Double.parseDouble(" + args(a) + ")";
      case MATH_ROUND -> "Math.round(" + args(a) + ")";
      case ENUM_NAME -> r + ".name()";
      case ENUM_ORDINAL -> r + ".ordinal()";
      case ENUM_VALUE_OF -> {
        IrType.EnumType t = (IrType.EnumType) c.type();
        yield (qualifiedTypes ? t.qualifiedName() : t.simpleName())
            + ".valueOf("
            + print(a.get(0))
            + ")";
      }
      case EXECUTION_ID -> executionId;
      case NEW_LIST -> "new java.util.ArrayList<>(" + print(a.get(0)) + ")";
      case NEW_MAP -> "new java.util.LinkedHashMap<>(" + print(a.get(0)) + ")";
      case LIST_WITH_ADDED -> r + ".add(" + print(a.get(1)) + ")";
      case LIST_WITH_SET -> r + ".set(" + args(a.subList(1, 3)) + ")";
      case LIST_WITHOUT_INDEX -> r + ".remove(" + print(a.get(1)) + ")";
      case LIST_WITH_INSERTED -> r + ".add(" + args(a.subList(1, 3)) + ")";
      case LIST_WITHOUT_VALUE -> r + ".remove((Object) " + operand(a.get(1)) + ")";
      case LIST_WITH_ALL -> r + ".addAll(" + print(a.get(1)) + ")";
      case MAP_WITH_PUT -> r + ".put(" + args(a.subList(1, 3)) + ")";
      case MAP_WITHOUT_KEY -> r + ".remove(" + print(a.get(1)) + ")";
      case MAP_VALUES -> "new java.util.ArrayList<>(" + r + ".values())";
      case LIST_SORTED_BY -> sortedBy(a);
      case STRING_FORMAT_ONE ->
          "String.format(java.util.Locale.ROOT, "
              + quote("%" + ((Expr.Literal) a.get(0)).value())
              + ", "
              + print(a.get(1))
              + ")";
      case NATURAL_LESS ->
          a.get(0).type().equals(IrType.STRING)
              ? r + ".compareTo(" + print(a.get(1)) + ") < 0"
              : r + " < " + operand(a.get(1));
      case REQUIRE_NON_NULL -> "java.util.Objects.requireNonNull(" + print(a.get(0)) + ")";
    };
  }

  /**
   * The indexes of the list in the order of its keys ({@code Stream.sorted} is stable), then the
   * elements at those indexes.
   */
  private String sortedBy(List<Expr> a) {
    String items = operand(a.get(0));
    String directions = (String) ((Expr.Literal) a.get(a.size() - 1)).value();
    StringBuilder order = new StringBuilder();
    for (int j = 0; j < directions.length(); j++) {
      String key = "(Integer $i) -> " + operand(a.get(j + 1)) + ".get($i)";
      String reverse = directions.charAt(j) == '-' ? ", java.util.Comparator.reverseOrder()" : "";
      order
          .append(j == 0 ? "java.util.Comparator.comparing(" : ".thenComparing(")
          .append(key)
          .append(reverse)
          .append(")");
    }
    return "java.util.stream.IntStream.range(0, "
        + items
        + ".size()).boxed().sorted("
        + order
        + ").map("
        + items
        + "::get).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new))";
  }

  private String literal(Expr.Literal l) {
    Object v = l.value();
    if (v == null) {
      return "null";
    }
    if (l.type() instanceof IrType.EnumType e) {
      return (qualifiedTypes ? e.qualifiedName() : e.simpleName()) + "." + v;
    }
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Long n) {
      return n + "L";
    }
    if (v instanceof Double d) {
      return Double.toString(d);
    }
    return String.valueOf(v);
  }

  /** A Java string literal for {@code s}. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
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
    return out.append('"').toString();
  }
}
