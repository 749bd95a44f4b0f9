package dev.statecraft.compiler;

import dev.statecraft.compiler.diagnostic.Diagnostic;
import dev.statecraft.compiler.diagnostic.Severity;
import dev.statecraft.manifest.DeploymentManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a compilation produced: every diagnostic, sorted by position, and, when there was no error,
 * the compiled workflows and their deployment manifest.
 *
 * @param diagnostics every diagnostic, sorted by position
 * @param workflows the compiled workflows, empty when there was an error
 * @param manifest what running or deploying them needs; {@code null} when there was an error
 */
public record CompilationResult(
    List<Diagnostic> diagnostics, List<CompiledWorkflow> workflows, DeploymentManifest manifest) {
  public CompilationResult {
    diagnostics = List.copyOf(diagnostics);
    workflows = List.copyOf(workflows);
  }

  /** A failed compilation: its diagnostics and nothing else. */
  static CompilationResult failed(List<Diagnostic> diagnostics) {
    return new CompilationResult(diagnostics, List.of(), null);
  }

  /** Whether compilation succeeded: no error (warnings allowed). */
  public boolean succeeded() {
    return diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
  }

  /**
   * Every artifact of every workflow, then the manifest as {@value DeploymentManifest#FILE_NAME}.
   */
  public List<Artifact> artifacts() {
    List<Artifact> all = new ArrayList<>();
    workflows.forEach(w -> all.addAll(w.artifacts()));
    if (manifest != null) {
      all.add(new Artifact(DeploymentManifest.FILE_NAME, manifest.toJson()));
    }
    return List.copyOf(all);
  }

  /** The compiled workflow named {@code name}. */
  public java.util.Optional<CompiledWorkflow> workflow(String name) {
    return workflows.stream().filter(w -> w.name().equals(name)).findFirst();
  }

  /** All diagnostics formatted for a terminal. */
  public String formattedDiagnostics() {
    return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining());
  }
}
