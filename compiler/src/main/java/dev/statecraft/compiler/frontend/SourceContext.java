package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import java.util.Optional;

/** What every front-end step needs: the type table, the diagnostics sink, and annotation lookup. */
record SourceContext(
    TypeTable types, Diagnostics diagnostics, java.util.Map<String, WorkflowSignature> workflows) {
  static final String API = "dev.statecraft.api.";

  /**
   * What another workflow looks like to a workflow that calls it as a child.
   *
   * @param qualifiedName the workflow class
   * @param name the workflow's cloud name
   * @param methodName its workflow method
   * @param input its parameter's type, if any
   * @param output its return type
   */
  record WorkflowSignature(
      String qualifiedName,
      String name,
      String methodName,
      java.util.Optional<dev.statecraft.compiler.ir.IrType> input,
      dev.statecraft.compiler.ir.IrType output) {}

  void error(ParsedUnit unit, Node at, DiagnosticCode code, String message, String hint) {
    diagnostics.error(code, unit.at(at), message, hint);
  }

  /** The annotation on {@code node} whose type resolves to {@code qualifiedName}. */
  Optional<AnnotationExpr> annotation(
      NodeWithAnnotations<?> node, String qualifiedName, ParsedUnit unit) {
    for (AnnotationExpr a : node.getAnnotations()) {
      Optional<String> resolved = types.resolve(a.getNameAsString(), a, unit);
      if (resolved.filter(qualifiedName::equals).isPresent()) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
