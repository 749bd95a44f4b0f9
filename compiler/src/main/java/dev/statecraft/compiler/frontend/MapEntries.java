package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrType;
import java.util.Set;

/**
 * The checks on {@code for (Map.Entry<String, V> e : map.entrySet())}. The loop walks the keys in
 * insertion order and reads each value from the map, so the map must not change inside it: Java
 * throws {@code ConcurrentModificationException} for most changes, and the clouds would not.
 */
final class MapEntries {
  private static final Set<String> CHANGES =
      Set.of("put", "remove", "merge", "putAll", "clear", "putIfAbsent", "compute", "replace");

  private final SourceContext context;
  private final ParsedUnit unit;

  MapEntries(SourceContext context, ParsedUnit unit) {
    this.context = context;
    this.unit = unit;
  }

  /** Whether {@code e} is {@code something.entrySet()}. */
  static boolean isEntrySet(Expression e) {
    return e instanceof MethodCallExpr m
        && m.getNameAsString().equals("entrySet")
        && m.getArguments().isEmpty()
        && m.getScope().isPresent();
  }

  /**
   * Whether the loop is over a map's entries; reports that, and any change of the map in the loop.
   */
  boolean accepts(ForEachStmt loop, Expression mapSource, Expr map) {
    if (!(map.type() instanceof IrType.MapType)) {
      context.error(
          unit,
          loop.getIterable(),
          DiagnosticCode.TYPE_MISMATCH,
          "'entrySet()' of '" + map.type().javaName() + "': entries are of a Map",
          "");
      return false;
    }
    if (mapSource instanceof NameExpr name) {
      reportChanges(loop, name.getNameAsString());
    }
    return true;
  }

  private void reportChanges(ForEachStmt loop, String n) {
    for (MethodCallExpr call : loop.getBody().findAll(MethodCallExpr.class)) {
      if (CHANGES.contains(call.getNameAsString())
          && call.getScope()
              .filter(s -> s instanceof NameExpr sn && sn.getNameAsString().equals(n))
              .isPresent()) {
        changed(call, n);
      }
    }
    for (AssignExpr assign : loop.getBody().findAll(AssignExpr.class)) {
      if (assign.getTarget() instanceof NameExpr t && t.getNameAsString().equals(n)) {
        changed(assign, n);
      }
    }
  }

  private void changed(com.github.javaparser.ast.Node at, String map) {
    context.error(
        unit,
        at,
        DiagnosticCode.UNSUPPORTED_STATEMENT,
        "'" + map + "' changes inside the loop over its entrySet()",
        "collect the changes in another map and apply them after the loop");
  }
}
