package dev.statecraft.compiler;

import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.List;

/**
 * One workflow's compiled form.
 *
 * @param ir the lowered IR the back ends read
 * @param stateMachine the ASL definition, with the {@code ${Key}} placeholders its entry in the
 *     deployment manifest ({@link CompilationResult#manifest()}) lists
 * @param artifacts every file emitted for this workflow, for the requested targets
 */
public record CompiledWorkflow(WorkflowIr ir, String stateMachine, List<Artifact> artifacts) {
  public CompiledWorkflow {
    artifacts = List.copyOf(artifacts);
  }

  /** The workflow's name. */
  public String name() {
    return ir.name();
  }
}
