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

  /**
   * The generated AWS Lambda handler sources, once per class (workflows calling the same activity
   * emit the same handler), each at its path under a source root: {@code
   * com/example/TriageActivitiesClassifyHandler.java}. Empty unless AWS was a target.
   */
  public List<Artifact> lambdaHandlers() {
    java.util.Map<String, Artifact> byClass = new java.util.LinkedHashMap<>();
    for (Artifact a : artifacts()) {
      int at = a.path().indexOf(HANDLERS);
      if (a.path().startsWith("aws/") && at >= 0) {
        String relative = a.path().substring(at + HANDLERS.length());
        byClass.putIfAbsent(relative, new Artifact(relative, a.content()));
      }
    }
    return List.copyOf(byClass.values());
  }

  private static final String HANDLERS = "/handlers/";

  /** The compiled workflow named {@code name}. */
  public java.util.Optional<CompiledWorkflow> workflow(String name) {
    return workflows.stream().filter(w -> w.name().equals(name)).findFirst();
  }

  /** All diagnostics formatted for a terminal. */
  public String formattedDiagnostics() {
    return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining());
  }
}
