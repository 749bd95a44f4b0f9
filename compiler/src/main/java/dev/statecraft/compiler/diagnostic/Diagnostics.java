package dev.statecraft.compiler.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects diagnostics as the compiler goes: checking continues after an error, and the pipeline
 * stops before the back ends if any error was reported.
 */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();

  /** Reports an error. */
  public void error(DiagnosticCode code, SourcePosition at, String message, String hint) {
    all.add(new Diagnostic(Severity.ERROR, code, at, message, hint));
  }

  /** Reports a warning. */
  public void warning(DiagnosticCode code, SourcePosition at, String message, String hint) {
    all.add(new Diagnostic(Severity.WARNING, code, at, message, hint));
  }

  /** Whether any error has been reported. */
  public boolean hasErrors() {
    return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  /** Everything reported, sorted by file, line and column; stable for equal positions. */
  public List<Diagnostic> sorted() {
    return all.stream()
        .sorted(
            Comparator.comparing((Diagnostic d) -> d.position().file().displayPath())
                .thenComparingInt(d -> d.position().line())
                .thenComparingInt(d -> d.position().column()))
        .distinct()
        .toList();
  }
}
