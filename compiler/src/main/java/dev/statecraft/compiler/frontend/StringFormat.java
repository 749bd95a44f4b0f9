package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.Builtin;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code String.format} with a literal format, rewritten as the string concatenation it means:
 * {@code String.format("%s has %d items%n", name, n)} is {@code name + " has " + n + " items\n"}. A
 * conversion with a width or flags ({@code %5d}, {@code %-10s}, {@code %05d}, {@code %,d}) is a
 * {@link Builtin#STRING_FORMAT_ONE} of its value, and so is {@code %.Nf}: Java rounds half up on
 * the double's shortest decimal digits ({@code %.2f} of 1.005 is {@code 1.01}). Grouping ({@code
 * %,d}) and decimals depend on the locale, so they need an explicit {@code Locale.ROOT}, {@code
 * Locale.US} or {@code Locale.ENGLISH}. Only conversions every cloud prints exactly as Java does
 * are accepted; the others ({@code %x}, {@code %e}, flags such as {@code +}) are errors with a
 * hint.
 */
final class StringFormat {
  private static final String SUPPORTED =
      "%s, %d, %.Nf (N up to 6), %n, %% with a width and the flags - (left-justify), 0 (zero-pad,"
          + " %d and %f) and , (group digits, %d)";

  /** Java's format specifier: {@code %[index$][flags][width][.precision]conversion}. */
  private static final Pattern SPECIFIER =
      Pattern.compile("%(\\d+\\$)?([-#+ 0,(<]*)?(\\d+)?(\\.\\d+)?([tT])?([a-zA-Z%])");

  /** The locales whose formatting the clouds reproduce: ASCII digits, a comma to group them. */
  private static final Set<String> LOCALES =
      Set.of(
          "Locale.ROOT",
          "Locale.US",
          "Locale.ENGLISH",
          "java.util.Locale.ROOT",
          "java.util.Locale.US",
          "java.util.Locale.ENGLISH");

  private StringFormat() {}

  static Optional<Expr> desugar(
      MethodCallExpr m,
      Function<Expression, Optional<Expr>> translate,
      SourceContext context,
      ParsedUnit unit) {
    if (m.getArguments().isEmpty()) {
      context.error(unit, m, DiagnosticCode.UNSUPPORTED_CALL, "String.format needs a format", "");
      return Optional.empty();
    }
    int formatIndex = 0;
    boolean localeGiven = false;
    Expression first = m.getArgument(0);
    if (first instanceof FieldAccessExpr f
        && (f.getScope().toString().equals("Locale")
            || f.getScope().toString().equals("java.util.Locale"))) {
      if (!LOCALES.contains(f.toString())) {
        context.error(
            unit,
            first,
            DiagnosticCode.UNSUPPORTED_CALL,
            "String.format in workflow code formats as Locale.ROOT does, not as '" + f + "'",
            "pass Locale.ROOT or Locale.US, or format in an activity");
        return Optional.empty();
      }
      formatIndex = 1;
      localeGiven = true;
      if (m.getArguments().size() < 2) {
        context.error(unit, m, DiagnosticCode.UNSUPPORTED_CALL, "String.format needs a format", "");
        return Optional.empty();
      }
    }
    Expression formatArg = m.getArgument(formatIndex);
    String format;
    if (formatArg instanceof StringLiteralExpr s) {
      format = s.asString();
    } else if (formatArg instanceof TextBlockLiteralExpr t) {
      format = t.asString();
    } else {
      context.error(
          unit,
          formatArg,
          DiagnosticCode.UNSUPPORTED_CALL,
          "String.format in workflow code needs a string literal as its format",
          "write the format as a literal, or concatenate the parts with +");
      return Optional.empty();
    }
    List<Expr> values = new ArrayList<>();
    boolean ok = true;
    for (int i = formatIndex + 1; i < m.getArguments().size(); i++) {
      Optional<Expr> v = translate.apply(m.getArgument(i));
      ok &= v.isPresent();
      v.ifPresent(values::add);
    }
    if (!ok) {
      return Optional.empty();
    }
    List<Expr> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int next = 0;
    Matcher spec = SPECIFIER.matcher(format);
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        text.append(c);
        continue;
      }
      if (!spec.find(i) || spec.start() != i) {
        return refuse(context, unit, formatArg, format.substring(i), hint());
      }
      i = spec.end() - 1;
      String flags = spec.group(2) == null ? "" : spec.group(2);
      String width = spec.group(3) == null ? "" : spec.group(3);
      char conversion = spec.group(6).charAt(0);
      String whole = spec.group();
      String precision = spec.group(4) == null ? "" : spec.group(4);
      if (spec.group(1) != null
          || spec.group(5) != null
          || !precision.isEmpty() && conversion != 'f') {
        return refuse(context, unit, formatArg, whole, hint());
      }
      if (conversion == '%' || conversion == 'n') {
        if (!flags.isEmpty() || !width.isEmpty()) {
          return refuse(context, unit, formatArg, whole, hint());
        }
        text.append(conversion == '%' ? '%' : '\n');
        continue;
      }
      if (conversion == 'f'
          && precision.length() > 1
          && Integer.parseInt(precision.substring(1)) > 6) {
        return refuse(context, unit, formatArg, whole, hint());
      }
      if (conversion != 's' && conversion != 'd' && conversion != 'f') {
        return refuse(context, unit, formatArg, whole, hint());
      }
      Optional<String> problem = flagProblem(conversion, flags, width);
      if (problem.isPresent()) {
        context.error(
            unit,
            formatArg,
            DiagnosticCode.UNSUPPORTED_CALL,
            "'" + whole + "' " + problem.get(),
            "use " + SUPPORTED);
        return Optional.empty();
      }
      if ((flags.contains(",") || conversion == 'f') && !localeGiven) {
        context.error(
            unit,
            formatArg,
            DiagnosticCode.UNSUPPORTED_CALL,
            "'"
                + whole
                + (conversion == 'f'
                    ? "' writes the decimal separator of the JVM's default locale ('1,50' in"
                        + " Germany), which the clouds do not know"
                    : "' groups digits with the separator of the JVM's default locale, which the"
                        + " clouds do not know"),
            "pass the locale: String.format(Locale.ROOT, \"" + format + "\", ...)");
        return Optional.empty();
      }
      if (next >= values.size()) {
        context.error(
            unit,
            m,
            DiagnosticCode.UNSUPPORTED_CALL,
            "the format has more conversions than String.format has arguments",
            "Java would throw MissingFormatArgumentException here");
        return Optional.empty();
      }
      Expr value = values.get(next);
      if (conversion == 'f' && value.type() != IrType.DOUBLE) {
        context.error(
            unit,
            m.getArgument(formatIndex + 1 + next),
            DiagnosticCode.TYPE_MISMATCH,
            "%f formats a double, not '" + value.type().javaName() + "'",
            "convert it: (double) n");
        return Optional.empty();
      }
      if (conversion == 'd' && value.type() != IrType.INT && value.type() != IrType.LONG) {
        context.error(
            unit,
            m.getArgument(formatIndex + 1 + next),
            DiagnosticCode.TYPE_MISMATCH,
            "%d formats an int or a long, not '" + value.type().javaName() + "'",
            "use %s");
        return Optional.empty();
      }
      next++;
      if (text.length() > 0) {
        parts.add(Expr.Literal.of(text.toString()));
        text.setLength(0);
      }
      if (flags.isEmpty() && width.isEmpty() && conversion != 'f') {
        parts.add(value);
      } else {
        Expr shown =
            conversion == 's' && !value.type().equals(IrType.STRING)
                ? ExpressionTranslator.call(Builtin.STRING_VALUE_OF, IrType.STRING, value)
                : value;
        parts.add(
            ExpressionTranslator.call(
                Builtin.STRING_FORMAT_ONE,
                IrType.STRING,
                Expr.Literal.of(flags + width + precision + conversion),
                shown));
      }
    }
    if (text.length() > 0 || parts.isEmpty()) {
      parts.add(Expr.Literal.of(text.toString()));
    }
    if (parts.size() == 1 && parts.get(0) instanceof Expr.Literal) {
      return Optional.of(parts.get(0));
    }
    return Optional.of(new Expr.Concat(parts));
  }

  /**
   * Why Java would throw for these flags and width ({@code %-d}: no width; {@code %05s}; {@code
   * %-05d}), or why they are not supported; empty when they are fine.
   */
  private static Optional<String> flagProblem(char conversion, String flags, String width) {
    for (char f : flags.toCharArray()) {
      if ("-0,".indexOf(f) < 0) {
        return Optional.of("uses the flag '" + f + "', which workflow code does not support");
      }
      if (flags.indexOf(f) != flags.lastIndexOf(f)) {
        return Optional.of(
            "repeats the flag '" + f + "': Java throws DuplicateFormatFlagsException");
      }
    }
    if (conversion == 'f' && flags.contains(",")) {
      return Optional.of("groups the digits of a double, which workflow code does not support");
    }
    if (conversion == 's' && (flags.contains("0") || flags.contains(","))) {
      return Optional.of(
          "has a flag that %s does not take: Java throws FormatFlagsConversionMismatchException");
    }
    if (flags.contains("-") && flags.contains("0")) {
      return Optional.of("left-justifies and zero-pads: Java throws IllegalFormatFlagsException");
    }
    if ((flags.contains("-") || flags.contains("0")) && width.isEmpty()) {
      return Optional.of("has no width: Java throws MissingFormatWidthException");
    }
    return Optional.empty();
  }

  private static String hint() {
    return "use " + SUPPORTED + ", or format the value in an activity";
  }

  private static Optional<Expr> refuse(
      SourceContext context, ParsedUnit unit, Expression at, String spec, String hint) {
    context.error(
        unit,
        at,
        DiagnosticCode.UNSUPPORTED_CALL,
        "'" + spec + "' is not supported by String.format in workflow code",
        hint);
    return Optional.empty();
  }
}
