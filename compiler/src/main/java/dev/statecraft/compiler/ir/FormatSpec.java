package dev.statecraft.compiler.ir;

/**
 * The spec of a {@link Builtin#STRING_FORMAT_ONE}: {@code "-10s"} is left-justified in 10
 * characters, {@code "05d"} zero-padded to 5, {@code ",d"} grouped by thousands.
 */
public record FormatSpec(boolean left, boolean zero, boolean group, int width, char conversion) {
  /** Parses the flags ({@code - 0 ,}), the width and the conversion, as Java's Formatter does. */
  public static FormatSpec parse(String spec) {
    int i = 0;
    while (i < spec.length() && "-0,".indexOf(spec.charAt(i)) >= 0) {
      i++;
    }
    String flags = spec.substring(0, i);
    String width = spec.substring(i, spec.length() - 1);
    return new FormatSpec(
        flags.contains("-"),
        flags.contains("0"),
        flags.contains(","),
        width.isEmpty() ? 0 : Integer.parseInt(width),
        spec.charAt(spec.length() - 1));
  }
}
