package dev.statecraft.compiler.passes;

import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Builtin;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.IrWalk;
import dev.statecraft.compiler.ir.Stmt;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports a local list or map that is changed ({@code xs.add(x)}) after another name or value came
 * to share it ({@code ys = xs}, {@code ys = flag ? xs : zs}, {@code new Rec(xs)}, {@code
 * List.of(xs)}), or that was taken from inside another value ({@code mine = in.items()}, {@code
 * first = outer.get(0)}). On the clouds a collection is a value, so such a change would not show
 * through the other reference as it does in Java. Reading through the collection, passing it to an
 * activity, returning it or iterating it shares nothing. Inside a loop, sharing anywhere in the
 * body counts as before a change.
 */
public final class CheckCollectionAliasing {
  private final Diagnostics diagnostics;
  private final Set<String> shared = new HashSet<>();

  /** Collections a pending {@code return}'s value holds, while a {@code finally} runs. */
  private final Set<String> returned = new HashSet<>();

  private CheckCollectionAliasing(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Runs the check. */
  public static void run(WorkflowIr wf, Diagnostics diagnostics) {
    new CheckCollectionAliasing(diagnostics).block(wf.body());
  }

  private void block(Block b) {
    for (Stmt s : b.statements()) {
      if (s instanceof Stmt.Loop || s instanceof Stmt.ForEach) {
        // A share later in the body precedes the next iteration's changes.
        IrWalk.statements(new Block(List.of(s)), inner -> share(inner, false));
      }
      statement(s);
    }
  }

  private void statement(Stmt s) {
    if (s instanceof Stmt.Try t && !t.finallyBlock().statements().isEmpty()) {
      tryWithFinally(t);
      return;
    }
    if (s instanceof Stmt.Assign a && isMutationOf(a) && returned.contains(a.target().name())) {
      String name = a.target().name();
      diagnostics.error(
          DiagnosticCode.ALIASED_COLLECTION,
          a.position(),
          "'"
              + name
              + "' is changed in a finally after a return in its try already holds it; Java's"
              + " result sees the change, the clouds' would not",
          "return a copy, e.g. new ArrayList<>(" + name + "), or change it before returning");
      share(s, true);
      return;
    }
    if (s instanceof Stmt.Assign a && isMutationOf(a)) {
      String name = a.target().name();
      if (shared.contains(name)) {
        diagnostics.error(
            DiagnosticCode.ALIASED_COLLECTION,
            a.position(),
            "'"
                + name
                + "' is changed after another name or value came to share it; on the clouds"
                + " the other one would not see the change",
            "copy it where it is shared, e.g. new ArrayList<>("
                + name
                + "), or change it before sharing");
      }
      share(s, true);
      return;
    }
    share(s, true);
    // A fresh collection assigned in a nested block may not be the one after it: its branch may
    // not have run, so what was shared before stays shared.
    Set<String> before = new HashSet<>(shared);
    for (Block inner : IrWalk.blocks(s)) {
      block(inner);
    }
    shared.addAll(before);
  }

  /**
   * A {@code finally} runs after a {@code return} in its try or catches has taken its value: the
   * collections that value holds are shared with the result while the {@code finally} runs.
   */
  private void tryWithFinally(Stmt.Try t) {
    Set<String> sharedBefore = new HashSet<>(shared);
    Set<String> held = new HashSet<>();
    List<Block> before = new ArrayList<>(List.of(t.body()));
    t.catches().forEach(c -> before.add(c.body()));
    for (Block b : before) {
      IrWalk.statements(
          b,
          s -> {
            if (s instanceof Stmt.Return r) {
              r.value().ifPresent(v -> heldBy(v, held));
            }
          });
      block(b);
    }
    Set<String> outer = new HashSet<>(returned);
    returned.addAll(held);
    block(t.finallyBlock());
    returned.retainAll(outer);
    shared.addAll(sharedBefore);
  }

  /** Adds the collection locals that {@code e}'s value holds by reference to {@code held}. */
  private static void heldBy(Expr e, Set<String> held) {
    if (e instanceof Expr.Local l && isCollection(l.type())) {
      held.add(l.name());
    } else if (e instanceof Expr.Conditional c) {
      heldBy(c.whenTrue(), held);
      heldBy(c.whenFalse(), held);
    } else if (e instanceof Expr.NewRecord
        || e instanceof Expr.ListLiteral
        || e instanceof Expr.MapLiteral) {
      e.children().forEach(p -> heldBy(p, held));
    }
  }

  /**
   * Records the collections {@code s} shares. Where {@code inOrder}, {@code s} is visited where it
   * runs, and a local given a fresh collection ({@code r = new ArrayList<>()}, each iteration's new
   * list) shares nothing any more; the look ahead over a loop's body keeps what it shared.
   */
  private void share(Stmt s, boolean inOrder) {
    if (s instanceof Stmt.Assign a) {
      if (isCollection(a.target().type()) && !isMutationOf(a)) {
        Set<String> origins = new HashSet<>();
        if (storage(a.value(), origins)) {
          shared.addAll(origins);
          shared.add(a.target().name());
        } else if (inOrder) {
          shared.remove(a.target().name());
        }
      }
      escapes(a.value());
    } else if (s instanceof Stmt.Return || s instanceof Stmt.Invoke) {
      // Returning ends the workflow; activities receive a copy.
    } else if (s instanceof Stmt.Yield y) {
      escapes(y.value());
    }
  }

  /** Collections stored inside a new value escape into it. */
  private void escapes(Expr e) {
    if (e instanceof Expr.NewRecord
        || e instanceof Expr.ListLiteral
        || e instanceof Expr.MapLiteral) {
      List<Expr> parts = e.children();
      for (Expr p : parts) {
        if (p instanceof Expr.Local l && isCollection(l.type())) {
          shared.add(l.name());
        }
      }
    }
    if (e instanceof Expr.Call c && c.builtin().mutation() && c.arguments().size() > 1) {
      for (Expr p : c.arguments().subList(1, c.arguments().size())) {
        if (p instanceof Expr.Local l && isCollection(l.type())) {
          shared.add(l.name());
        }
      }
    }
    e.children().forEach(this::escapes);
  }

  /**
   * Whether {@code e} may evaluate to a collection that already lives elsewhere: a local ({@code b
   * = a}), either branch of a conditional ({@code b = flag ? a : c}), a collection inside a value
   * ({@code mine = in.items()}, {@code first = outer.get(0)}, {@code m.get(k)}). Adds the locals it
   * may share with to {@code origins}.
   */
  private static boolean storage(Expr e, Set<String> origins) {
    if (e instanceof Expr.Local l) {
      if (isCollection(l.type())) {
        origins.add(l.name());
        return true;
      }
      return false;
    }
    if (e instanceof Expr.Conditional c) {
      boolean whenTrue = storage(c.whenTrue(), origins);
      boolean whenFalse = storage(c.whenFalse(), origins);
      return whenTrue || whenFalse;
    }
    if (e instanceof Expr.FieldGet f && isCollection(f.type())) {
      storage(f.target(), origins);
      return true;
    }
    if (e instanceof Expr.Call c
        && isCollection(c.type())
        && (c.builtin() == Builtin.LIST_GET
            || c.builtin() == Builtin.MAP_GET
            || c.builtin() == Builtin.MAP_GET_OR_DEFAULT)) {
      storage(c.arguments().get(0), origins);
      return true;
    }
    return false;
  }

  private static boolean isMutationOf(Stmt.Assign a) {
    return a.value() instanceof Expr.Call c
        && c.builtin().mutation()
        && c.arguments().get(0) instanceof Expr.Local l
        && l.name().equals(a.target().name());
  }

  private static boolean isCollection(IrType t) {
    return t instanceof IrType.ListType || t instanceof IrType.MapType;
  }
}
