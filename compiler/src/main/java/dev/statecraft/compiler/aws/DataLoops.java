package dev.statecraft.compiler.aws;

import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrWalk;
import dev.statecraft.compiler.ir.Stmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A loop that makes no durable call, as one JSONata expression: it costs no state transition, where
 * a loop of states costs a Choice per iteration (Step Functions bills each one).
 *
 * <p>The loop is a recursive function over a state object holding the locals it changes (its
 * <em>carried</em> locals); each call runs one iteration and calls itself in tail position, which
 * JSONata evaluates without growing the stack. A block of statements is an expression that ends in
 * the state object; an {@code if} evaluates to the state object its branch left, which the code
 * after it reads back; {@code break} and {@code continue} end the body with the state object marked
 * {@code __j: 1} or {@code 2}, which each enclosing {@code if} passes on unchanged.
 *
 * <pre>
 * int total = 0;                                 $loopState := ($__f := function($__s) {(
 * for (int i = 0; i &lt; n; i++) {                   $total := $__s.total; $i := $__s.i;
 *   if (skip(i)) continue;                         $not($i &lt; $n) ? $__s : (
 *   total += i;                                      $__b := ...; $i := $__b.i ...;
 * }                                                  $__f({'total': $total, 'i': $i + 1})))
 *                                                })}; $__f({'total': $total, 'i': 0}))
 *                                               $total := $loopState.total
 * </pre>
 *
 * <p>Only loops whose bodies hold assignments, {@code if}s, nested such loops and unlabelled {@code
 * break}/{@code continue} are lowered; the rest (a {@code return}, {@code throw}, {@code switch} or
 * {@code try} inside, or any durable call) stay states.
 */
final class DataLoops {
  private final JsonataRenderer renderer;
  private final AslNames names;
  private final Set<String> reads = new HashSet<>();

  private DataLoops(JsonataRenderer renderer, AslNames names) {
    this.renderer = renderer;
    this.names = names;
  }

  /** Whether {@code l} can be one expression: nothing in it waits, returns, throws or switches. */
  static boolean lowerable(Stmt.Loop l) {
    boolean[] ok = {l.label().isEmpty()};
    IrWalk.statements(
        new Block(List.of(l)),
        s -> {
          boolean allowed =
              s instanceof Stmt.Assign
                  || s instanceof Stmt.Declare
                  || s instanceof Stmt.If
                  || s instanceof Stmt.Loop inner && inner.label().isEmpty()
                  || s instanceof Stmt.Break b && b.label().isEmpty()
                  || s instanceof Stmt.Continue c && c.label().isEmpty();
          ok[0] &= allowed && IrWalk.expressions(s).stream().noneMatch(DataLoops::durable);
        });
    return ok[0];
  }

  private static boolean durable(Expr e) {
    boolean[] found = {false};
    IrWalk.expressions(
        e, x -> found[0] |= x instanceof Expr.ActivityCall || x instanceof Expr.ChildCall);
    return found[0];
  }

  /**
   * The pending assignments that do what {@code l} does: the loop's final state object, then each
   * carried local read from it.
   */
  static List<Edge.Pending> lower(Stmt.Loop l, JsonataRenderer renderer, AslNames names) {
    DataLoops lowering = new DataLoops(renderer, names);
    List<String> carried = carried(l.body(), l.update(), names);
    String text = lowering.loop(l, carried);
    Set<String> reads = new HashSet<>(lowering.reads);
    reads.addAll(carried);
    String state = names.fresh("loopState");
    List<Edge.Pending> out = new ArrayList<>();
    out.add(new Edge.Pending(state, new Jsonata(text, reads, Jsonata.ATOM)));
    for (String v : carried) {
      out.add(new Edge.Pending(v, new Jsonata("$" + state + "." + v, Set.of(state), Jsonata.ATOM)));
    }
    return out;
  }

  /** The ASL variables the blocks write that were declared outside them, in order. */
  private static List<String> carried(Block first, Block second, AslNames names) {
    Set<String> written = new LinkedHashSet<>();
    Set<String> declared = new HashSet<>();
    for (Block b : List.of(first, second)) {
      IrWalk.statements(
          b,
          s -> {
            if (s instanceof Stmt.Declare d) {
              declared.add(d.variable().name());
            } else if (s instanceof Stmt.Assign a && a.declaration()) {
              declared.add(a.target().name());
            }
            IrWalk.writes(s).forEach(w -> written.add(w.name()));
          });
    }
    written.removeAll(declared);
    return written.stream().map(names::variable).toList();
  }

  private String loop(Stmt.Loop l, List<String> carried) {
    boolean always = l.condition() instanceof Expr.Literal lit && Boolean.TRUE.equals(lit.value());
    String condition = always ? "true" : "(" + render(l.condition()).text() + ")";
    String body = block(l.body().statements(), 0, carried, carried);
    String next =
        l.testFirst() || always
            ? "$__f(" + pack(carried, "") + ")"
            : condition + " ? $__f(" + pack(carried, "") + ") : " + pack(carried, "");
    String update =
        l.update().statements().isEmpty()
            ? next
            : "($__u := "
                + block(l.update().statements(), 0, carried, carried)
                + "; "
                + unpack(carried, "$__u")
                + next
                + ")";
    String iteration =
        "($__b := "
            + body
            + "; "
            + (jumps(l.body(), true) ? "$__b.__j = 1 ? $__b : (" : "(")
            + unpack(carried, "$__b")
            + update
            + "))";
    String function =
        "function($__s) {("
            + unpack(carried, "$__s")
            + (l.testFirst() && !always ? "$not" + condition + " ? $__s : " : "")
            + iteration
            + ")}";
    return "($__f := " + function + "; $__f(" + pack(carried, "") + "))";
  }

  /**
   * Statements {@code from} on, as an expression ending in the state object of {@code state};
   * {@code carried} are the innermost loop's, which {@code break} and {@code continue} pass out.
   */
  private String block(List<Stmt> stmts, int from, List<String> state, List<String> carried) {
    StringBuilder text = new StringBuilder("(");
    for (int i = from; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      if (s instanceof Stmt.Assign a) {
        text.append('$')
            .append(names.variable(a.target().name()))
            .append(" := ")
            .append(render(a.value()).at(Jsonata.CONDITIONAL))
            .append("; ");
      } else if (s instanceof Stmt.Break) {
        return text.append(pack(carried, "'__j': 1")).append(')').toString();
      } else if (s instanceof Stmt.Continue) {
        return text.append(pack(carried, "'__j': 2")).append(')').toString();
      } else if (s instanceof Stmt.If f) {
        List<String> inner = union(state, carried(f.then(), f.otherwise(), names));
        String branches =
            "("
                + render(f.condition()).at(Jsonata.CONDITIONAL + 1)
                + " ? "
                + block(f.then().statements(), 0, inner, carried)
                + " : "
                + block(f.otherwise().statements(), 0, inner, carried)
                + ")";
        if (i == stmts.size() - 1 && inner.equals(state)) {
          return text.append(branches).append(')').toString();
        }
        boolean jumps = jumps(f.then(), false) || jumps(f.otherwise(), false);
        text.append("$__t := ").append(branches).append("; ");
        return text.append(jumps ? "$__t.__j ? $__t : (" : "(")
            .append(unpack(inner, "$__t"))
            .append(block(stmts, i + 1, state, carried))
            .append("))")
            .toString();
      } else if (s instanceof Stmt.Loop l) {
        List<String> inner = carried(l.body(), l.update(), names);
        text.append("$__t := ").append(loop(l, inner)).append("; ").append(unpack(inner, "$__t"));
      }
      // Declare: definite assignment guarantees a value is assigned before any read.
    }
    return text.append(pack(state, "")).append(')').toString();
  }

  /** Whether a {@code break} or {@code continue} in {@code b} leaves it (not a nested loop's). */
  private static boolean jumps(Block b, boolean breaksOnly) {
    for (Stmt s : b.statements()) {
      if (s instanceof Stmt.Break || !breaksOnly && s instanceof Stmt.Continue) {
        return true;
      }
      if (s instanceof Stmt.If f
          && (jumps(f.then(), breaksOnly) || jumps(f.otherwise(), breaksOnly))) {
        return true;
      }
    }
    return false;
  }

  private Jsonata render(Expr e) {
    Jsonata j = renderer.render(e);
    reads.addAll(j.reads());
    return j;
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static String pack(List<String> vars, String extra) {
    StringBuilder text = new StringBuilder("{");
    for (String v : vars) {
      text.append(text.length() == 1 ? "" : ", ").append('\'').append(v).append("': $").append(v);
    }
    if (!extra.isEmpty()) {
      text.append(text.length() == 1 ? "" : ", ").append(extra);
    }
    return text.append('}').toString();
  }

  private static String unpack(List<String> vars, String from) {
    StringBuilder text = new StringBuilder();
    for (String v : vars) {
      text.append('$').append(v).append(" := ").append(from).append('.').append(v).append("; ");
    }
    return text.toString();
  }
}
