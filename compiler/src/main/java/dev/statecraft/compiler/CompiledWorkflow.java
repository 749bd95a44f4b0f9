package dev.statecraft.compiler;

import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.List;
import java.util.Map;

/**
 * One workflow's compiled form.
 *
 * @param ir the lowered IR the back ends read
 * @param stateMachine the ASL definition, with a {@code ${Key}} placeholder per Lambda function
 * @param lambdaHandlers each activity's placeholder key (as in {@code
 *     ${TriageActivities_classify}}) mapped to its generated handler's qualified class name
 * @param artifacts every file emitted for this workflow, for the requested targets
 */
public record CompiledWorkflow(
    WorkflowIr ir,
    String stateMachine,
    Map<String, String> lambdaHandlers,
    List<Artifact> artifacts) {
  public CompiledWorkflow {
    lambdaHandlers = Map.copyOf(lambdaHandlers);
    artifacts = List.copyOf(artifacts);
  }

  /** The workflow's name. */
  public String name() {
    return ir.name();
  }
}
