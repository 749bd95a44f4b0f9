package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import java.util.Optional;

/** What every front-end step needs: the type table, the diagnostics sink, and annotation lookup. */
record SourceContext(TypeTable types, Diagnostics diagnostics) {
  static final String API = "dev.statecraft.api.";

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
