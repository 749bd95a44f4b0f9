package dev.statecraft.compiler.passes;

import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrWalk;
import dev.statecraft.compiler.ir.Liveness;
import dev.statecraft.compiler.ir.Stmt;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports reads of a local declared without a value ({@code String s;}) on a path where nothing has
 * assigned it yet: Java's definite assignment, which every back end relies on.
 */
public final class CheckDefiniteAssignment {
  private final Diagnostics diagnostics;

  private CheckDefiniteAssignment(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Runs the check. */
  public static void run(WorkflowIr wf, Diagnostics diagnostics) {
    new CheckDefiniteAssignment(diagnostics).block(wf.body(), new HashSet<>());
  }

  /** Checks {@code b}; returns the unassigned set after it, or null if it never completes. */
  private Set<String> block(Block b, Set<String> unassigned) {
    Set<String> state = unassigned;
    for (Stmt s : b.statements()) {
      state = statement(s, state);
      if (state == null) {
        return null;
      }
    }
    return state;
  }

  private Set<String> statement(Stmt s, Set<String> unassigned) {
    Set<String> out = new HashSet<>(unassigned);
    if (s instanceof Stmt.Declare d) {
      out.add(d.variable().name());
    } else if (s instanceof Stmt.Assign a) {
      check(a.value(), unassigned, s);
      out.remove(a.target().name());
    } else if (s instanceof Stmt.Invoke i) {
      i.arguments().forEach(e -> check(e, unassigned, s));
      assigned(i.target(), out);
    } else if (s instanceof Stmt.If i) {
      check(i.condition(), unassigned, s);
      Set<String> then = block(i.then(), unassigned);
      Set<String> otherwise = block(i.otherwise(), unassigned);
      if (then == null && otherwise == null) {
        return null;
      }
      out = then == null ? otherwise : otherwise == null ? then : union(then, otherwise);
    } else if (s instanceof Stmt.Return r) {
      r.value().ifPresent(e -> check(e, unassigned, s));
      return null;
    } else if (s instanceof Stmt.Fail f) {
      check(f.error(), unassigned, s);
      check(f.cause(), unassigned, s);
      return null;
    } else if (s instanceof Stmt.Yield y) {
      check(y.value(), unassigned, s);
      return null;
    } else if (s instanceof Stmt.Break || s instanceof Stmt.Continue) {
      return null;
    } else if (s instanceof Stmt.Loop l) {
      check(l.condition(), unassigned, s);
      block(l.body(), unassigned);
      block(l.update(), unassigned);
    } else if (s instanceof Stmt.ForEach f) {
      check(f.iterable(), unassigned, s);
      block(f.body(), unassigned);
    } else if (s instanceof Stmt.Switch sw) {
      check(sw.selector(), unassigned, s);
      Set<String> after = null;
      for (Block b : IrWalk.blocks(s)) {
        Set<String> o = block(b, unassigned);
        after = o == null ? after : after == null ? o : union(after, o);
      }
      Set<String> merged = after == null ? out : after;
      if (sw.otherwise().isEmpty()) {
        merged = union(merged, unassigned);
      }
      return merged;
    } else if (s instanceof Stmt.Try t) {
      Set<String> after = block(t.body(), unassigned);
      for (Stmt.Catch c : t.catches()) {
        Set<String> o = block(c.body(), unassigned);
        after = o == null ? after : after == null ? o : union(after, o);
      }
      Set<String> fin = block(t.finallyBlock(), after == null ? unassigned : after);
      return after == null ? null : fin;
    } else if (s instanceof Stmt.DurableMap m) {
      check(m.items(), unassigned, s);
      block(m.body(), unassigned);
      assigned(m.target(), out);
    } else if (s instanceof Stmt.DurableParallel p) {
      p.branches().forEach(b -> block(b, unassigned));
      assigned(p.target(), out);
    } else if (s instanceof Stmt.Sleep w) {
      check(w.seconds(), unassigned, s);
    } else if (s instanceof Stmt.AwaitCallback a) {
      check(a.timeoutSeconds(), unassigned, s);
      block(a.notifier(), unassigned);
      assigned(a.target(), out);
    } else if (s instanceof Stmt.StartChild c) {
      c.input().ifPresent(e -> check(e, unassigned, s));
      assigned(c.target(), out);
    }
    return out;
  }

  private static void assigned(
      java.util.Optional<dev.statecraft.compiler.ir.Expr.Local> target, Set<String> unassigned) {
    target.ifPresent(t -> unassigned.remove(t.name()));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }

  private void check(Expr e, Set<String> unassigned, Stmt at) {
    Set<String> reads = new HashSet<>();
    Liveness.reads(e, reads);
    for (String name : List.copyOf(reads)) {
      if (unassigned.contains(name)) {
        diagnostics.error(
            DiagnosticCode.UNINITIALIZED_VARIABLE,
            at.position(),
            "variable '" + name + "' might not have been assigned here",
            "assign '" + name + "' on every path before reading it");
      }
    }
  }
}
