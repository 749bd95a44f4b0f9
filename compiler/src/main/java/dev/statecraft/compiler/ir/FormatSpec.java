package dev.statecraft.compiler.ir;

/**
 * The spec of a {@link Builtin#STRING_FORMAT_ONE}: {@code "-10s"} is left-justified in 10
 * characters, {@code "05d"} zero-padded to 5, {@code ",d"} grouped by thousands, {@code ".2f"} two
 * decimals ({@code precision} is 6 when the spec has none, as in Java).
 */
public record FormatSpec(
    boolean left, boolean zero, boolean group, int width, int precision, char conversion) {
  /** Parses the flags ({@code - 0 ,}), the width and the conversion, as Java's Formatter does. */
  public static FormatSpec parse(String spec) {
    int i = 0;
    while (i < spec.length() && "-0,".indexOf(spec.charAt(i)) >= 0) {
      i++;
    }
    String flags = spec.substring(0, i);
    String rest = spec.substring(i, spec.length() - 1);
    int dot = rest.indexOf('.');
    String width = dot < 0 ? rest : rest.substring(0, dot);
    return new FormatSpec(
        flags.contains("-"),
        flags.contains("0"),
        flags.contains(","),
        width.isEmpty() ? 0 : Integer.parseInt(width),
        dot < 0 ? 6 : Integer.parseInt(rest.substring(dot + 1)),
        spec.charAt(spec.length() - 1));
  }
}
