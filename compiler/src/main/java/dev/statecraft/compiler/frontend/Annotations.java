package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading annotations as written: their member values, and repeatable ones with their container.
 */
final class Annotations {
  private Annotations() {}

  /** The member values of {@code a} by name; a single-member annotation's is {@code value}. */
  static Map<String, Expression> values(AnnotationExpr a) {
    Map<String, Expression> values = new LinkedHashMap<>();
    if (a instanceof NormalAnnotationExpr n) {
      for (MemberValuePair pair : n.getPairs()) {
        values.put(pair.getNameAsString(), pair.getValue());
      }
    } else if (a.isSingleMemberAnnotationExpr()) {
      values.put("value", a.asSingleMemberAnnotationExpr().getMemberValue());
    }
    return values;
  }

  /**
   * Every use of the repeatable annotation {@code qualifiedName} on {@code node}, in source order:
   * written directly ({@code @Secret("A") @Secret("B")}) or inside its container
   * ({@code @Secret.List({@Secret("A"), @Secret("B")})}).
   */
  static List<AnnotationExpr> repeated(
      SourceContext context, NodeWithAnnotations<?> node, String qualifiedName, ParsedUnit unit) {
    List<AnnotationExpr> found = new ArrayList<>();
    for (AnnotationExpr a : node.getAnnotations()) {
      String resolved = context.types().resolve(a.getNameAsString(), a, unit).orElse("");
      if (resolved.equals(qualifiedName)) {
        found.add(a);
      } else if (resolved.equals(qualifiedName + ".List")) {
        Expression inner = values(a).get("value");
        List<Expression> items =
            inner instanceof ArrayInitializerExpr array
                ? List.copyOf(array.getValues())
                : inner == null ? List.of() : List.of(inner);
        for (Expression item : items) {
          if (item instanceof AnnotationExpr nested) {
            found.add(nested);
          }
        }
      }
    }
    return found;
  }
}
