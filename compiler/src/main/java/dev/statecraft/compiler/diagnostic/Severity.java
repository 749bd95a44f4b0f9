package dev.statecraft.compiler.diagnostic;

/** How bad a diagnostic is: errors stop compilation before the back ends, warnings don't. */
public enum Severity {
  ERROR,
  WARNING;

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
