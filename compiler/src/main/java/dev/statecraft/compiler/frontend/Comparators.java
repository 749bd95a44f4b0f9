package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A comparator written in workflow code, as the keys it compares by, in order: {@code
 * Comparator.comparing(Item::score).reversed().thenComparing(Item::name)} is score descending, then
 * name ascending. The keys are strings or numbers in their natural order; {@code naturalOrder()}
 * and {@code reverseOrder()} compare the elements themselves.
 */
final class Comparators {
  private static final String COMPARATOR = "java.util.Comparator";
  private static final Set<String> COMPARING =
      Set.of("comparing", "comparingInt", "comparingLong", "comparingDouble");
  private static final Set<String> THEN_COMPARING =
      Set.of("thenComparing", "thenComparingInt", "thenComparingLong", "thenComparingDouble");

  /**
   * One key: the function that extracts it from an element (a lambda or method reference), or none
   * for the element itself.
   */
  record Key(Optional<Expression> extractor, boolean descending) {
    Key flipped() {
      return new Key(extractor, !descending);
    }
  }

  private final SourceContext context;
  private final ExpressionTranslator x;

  Comparators(SourceContext context, ExpressionTranslator x) {
    this.context = context;
    this.x = x;
  }

  /** The keys {@code c} compares by; empty (and reported) for a comparator not supported. */
  Optional<List<Key>> keys(Expression c) {
    if (c instanceof MethodCallExpr call && call.getScope().isPresent()) {
      String name = call.getNameAsString();
      int n = call.getArguments().size();
      if (isComparatorType(call.getScope().get())) {
        if (name.equals("naturalOrder") && n == 0) {
          return Optional.of(List.of(new Key(Optional.empty(), false)));
        }
        if (name.equals("reverseOrder") && n == 0) {
          return Optional.of(List.of(new Key(Optional.empty(), true)));
        }
        if (COMPARING.contains(name) && (n == 1 || n == 2 && name.equals("comparing"))) {
          return key(call);
        }
      } else if (name.equals("reversed") && n == 0) {
        return keys(call.getScope().get()).map(ks -> ks.stream().map(Key::flipped).toList());
      } else if (THEN_COMPARING.contains(name) && (n == 1 || n == 2)) {
        Optional<List<Key>> first = keys(call.getScope().get());
        if (first.isEmpty()) {
          return first;
        }
        Optional<List<Key>> then =
            n == 1 && isComparator(call.getArgument(0)) ? keys(call.getArgument(0)) : key(call);
        if (then.isEmpty()) {
          return then;
        }
        List<Key> all = new ArrayList<>(first.get());
        all.addAll(then.get());
        return Optional.of(all);
      }
    }
    return unsupported(c);
  }

  /**
   * {@code comparing(extractor)} or {@code comparing(extractor, naturalOrder()/reverseOrder())}.
   */
  private Optional<List<Key>> key(MethodCallExpr call) {
    Expression extractor = call.getArgument(0);
    if (!(extractor instanceof LambdaExpr || extractor instanceof MethodReferenceExpr)) {
      return unsupported(extractor);
    }
    boolean descending = false;
    if (call.getArguments().size() == 2) {
      Optional<List<Key>> order = keys(call.getArgument(1));
      if (order.isEmpty()) {
        return order;
      }
      if (order.get().size() != 1 || order.get().get(0).extractor().isPresent()) {
        return unsupported(call.getArgument(1));
      }
      descending = order.get().get(0).descending();
    }
    return Optional.of(List.of(new Key(Optional.of(extractor), descending)));
  }

  private boolean isComparator(Expression e) {
    Expression at = e;
    while (at instanceof MethodCallExpr m && m.getScope().isPresent()) {
      if (isComparatorType(m.getScope().get())) {
        return true;
      }
      at = m.getScope().get();
    }
    return false;
  }

  private boolean isComparatorType(Expression scope) {
    return x.typeName(scope).filter(COMPARATOR::equals).isPresent();
  }

  private Optional<List<Key>> unsupported(Expression at) {
    context.error(
        x.unit(),
        at,
        DiagnosticCode.UNSUPPORTED_CALL,
        "this comparator is not supported in workflow code",
        "use Comparator.comparing(Item::key), comparingInt/Long/Double, thenComparing,"
            + " reversed(), Comparator.naturalOrder() or Comparator.reverseOrder()");
    return Optional.empty();
  }
}
