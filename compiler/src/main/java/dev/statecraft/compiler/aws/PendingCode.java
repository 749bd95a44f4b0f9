package dev.statecraft.compiler.aws;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns pending assignments into JSONata that an {@code Assign}, {@code Arguments} or {@code
 * Output} field can hold: the expression preceded by just the assignments it depends on, as a
 * block.
 *
 * <pre>
 * pending x := $a + 1; y := $x * 2   and expression   $y + $x
 * gives   ($x := $a + 1; $y := $x * 2; $y + $x)
 * </pre>
 */
final class PendingCode {
  private PendingCode() {}

  /** {@code expression} evaluated after {@code pending}, in terms of the values before it. */
  static Jsonata inline(List<Edge.Pending> pending, Jsonata expression) {
    return inline(pending, expression, false);
  }

  /**
   * {@code expression} evaluated after {@code pending}, keeping the pending code that can throw
   * even where nothing reads its value, since Java throws there. One field of a state needs it.
   */
  static Jsonata inlineThrowing(List<Edge.Pending> pending, Jsonata expression) {
    return inline(pending, expression, true);
  }

  private static Jsonata inline(
      List<Edge.Pending> pending, Jsonata expression, boolean keepThrowing) {
    Deque<Edge.Pending> chain = new ArrayDeque<>();
    Set<String> needed = new HashSet<>(expression.reads());
    for (int i = pending.size() - 1; i >= 0; i--) {
      Edge.Pending p = pending.get(i);
      if (needed.remove(p.variable()) | (keepThrowing && mayFail(p))) {
        chain.addFirst(p);
        needed.addAll(p.expression().reads());
      }
    }
    if (chain.isEmpty()) {
      return expression;
    }
    Set<String> reads = new HashSet<>(needed);
    Jsonata body = expression;
    while (!chain.isEmpty() && body.text().equals("$" + chain.getLast().variable())) {
      body = chain.removeLast().expression();
    }
    if (chain.isEmpty()) {
      return body;
    }
    StringBuilder text = new StringBuilder("(");
    for (Edge.Pending p : chain) {
      text.append('$')
          .append(p.variable())
          .append(" := ")
          .append(p.expression().at(Jsonata.CONDITIONAL))
          .append("; ");
    }
    text.append(body.text()).append(')');
    return new Jsonata(text.toString(), reads, Jsonata.ATOM);
  }

  /** Whether the assignment can throw: Java's exceptions are JSONata {@code $error} calls. */
  static boolean mayFail(Edge.Pending p) {
    return p.expression().text().contains("$error(");
  }

  /** The variables {@code pending} assigns, in order of first assignment. */
  static Set<String> assigned(List<Edge.Pending> pending) {
    Set<String> names = new LinkedHashSet<>();
    pending.forEach(p -> names.add(p.variable()));
    return names;
  }
}
