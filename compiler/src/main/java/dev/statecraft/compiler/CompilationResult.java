package dev.statecraft.compiler;

import dev.statecraft.compiler.diagnostic.Diagnostic;
import dev.statecraft.compiler.diagnostic.Severity;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a compilation produced: every diagnostic, sorted by position, and, when there was no error,
 * the compiled workflows.
 */
public record CompilationResult(List<Diagnostic> diagnostics, List<CompiledWorkflow> workflows) {
  public CompilationResult {
    diagnostics = List.copyOf(diagnostics);
    workflows = List.copyOf(workflows);
  }

  /** Whether compilation succeeded: no error (warnings allowed). */
  public boolean succeeded() {
    return diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
  }

  /** Every artifact of every workflow. */
  public List<Artifact> artifacts() {
    return workflows.stream().flatMap(w -> w.artifacts().stream()).toList();
  }

  /** All diagnostics formatted for a terminal. */
  public String formattedDiagnostics() {
    return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining());
  }
}
