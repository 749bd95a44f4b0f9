package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code String.format} with a literal format, rewritten as the string concatenation it means:
 * {@code String.format("%s has %d items%n", name, n)} is {@code name + " has " + n + " items\n"}.
 * Only the conversions that print exactly as concatenation does are accepted: {@code %s}, {@code
 * %d} of an {@code int} or {@code long}, {@code %n} and {@code %%}; widths, precisions and the
 * other conversions are errors with a hint, since the clouds have no formatter that matches Java's.
 */
final class StringFormat {
  private static final String SUPPORTED = "%s, %d, %n and %%";

  private StringFormat() {}

  static Optional<Expr> desugar(
      MethodCallExpr m,
      BiFunction<MethodCallExpr, Integer, Optional<List<Expr>>> translateArgs,
      SourceContext context,
      ParsedUnit unit) {
    if (m.getArguments().isEmpty()) {
      context.error(unit, m, DiagnosticCode.UNSUPPORTED_CALL, "String.format needs a format", "");
      return Optional.empty();
    }
    Expression first = m.getArgument(0);
    String format;
    if (first instanceof StringLiteralExpr s) {
      format = s.asString();
    } else if (first instanceof TextBlockLiteralExpr t) {
      format = t.asString();
    } else {
      context.error(
          unit,
          first,
          DiagnosticCode.UNSUPPORTED_CALL,
          "String.format in workflow code needs a string literal as its format",
          "write the format as a literal, or concatenate the parts with +");
      return Optional.empty();
    }
    Optional<List<Expr>> all = translateArgs.apply(m, m.getArguments().size());
    if (all.isEmpty()) {
      return Optional.empty();
    }
    List<Expr> values = all.get().subList(1, all.get().size());
    List<Expr> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int next = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        text.append(c);
        continue;
      }
      char conversion = i + 1 < format.length() ? format.charAt(i + 1) : '\0';
      i++;
      switch (conversion) {
        case '%' -> text.append('%');
        case 'n' -> text.append('\n');
        case 's', 'd' -> {
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
          if (conversion == 'd' && value.type() != IrType.INT && value.type() != IrType.LONG) {
            context.error(
                unit,
                m.getArgument(next + 1),
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
          parts.add(value);
        }
        default -> {
          int end = i;
          while (end < format.length() && !Character.isLetter(format.charAt(end))) {
            end++;
          }
          String spec = format.substring(i - 1, Math.min(end + 1, format.length()));
          context.error(
              unit,
              first,
              DiagnosticCode.UNSUPPORTED_CALL,
              "'" + spec + "' is not supported by String.format in workflow code",
              "use " + SUPPORTED + ", or format the value in an activity");
          return Optional.empty();
        }
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
}
