package dev.statecraft.compiler.passes;

import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrWalk;
import dev.statecraft.compiler.ir.Stmt;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Checks the invariants the back ends rely on, after the passes and before any emitter: no activity
 * or child-workflow call is left inside an expression ({@link HoistActivityCalls} made each its own
 * statement), and every {@code break} and {@code continue} has a loop or switch to leave within its
 * own body (a lambda body of {@code Durable.map}, {@code parallel} or {@code awaitCallback} is a
 * boundary). A violation is a compiler bug, reported as an internal error naming the workflow and
 * the source position rather than emitted as a wrong state machine.
 */
public final class VerifyIr {
  private VerifyIr() {}

  /** Returns {@code wf} unchanged when it holds the invariants; throws otherwise. */
  public static WorkflowIr run(WorkflowIr wf) {
    new Walk(wf).block(wf.body(), new ArrayDeque<>());
    return wf;
  }

  /** An enclosing statement a jump may target. */
  private record Target(Optional<String> label, boolean loop) {}

  private static final class Walk {
    private final WorkflowIr wf;

    Walk(WorkflowIr wf) {
      this.wf = wf;
    }

    void block(Block block, Deque<Target> targets) {
      for (Stmt s : block.statements()) {
        for (Expr e : IrWalk.expressions(s)) {
          IrWalk.expressions(
              e,
              inner -> {
                if (inner instanceof Expr.ActivityCall || inner instanceof Expr.ChildCall) {
                  fail(s, "a durable call is left inside an expression");
                }
              });
        }
        if (s instanceof Stmt.Break b && !reaches(targets, b.label(), false)) {
          fail(s, "'break' has no enclosing loop or switch" + label(b.label()));
        }
        if (s instanceof Stmt.Continue c && !reaches(targets, c.label(), true)) {
          fail(s, "'continue' has no enclosing loop" + label(c.label()));
        }
        Deque<Target> inner = innerTargets(s, targets);
        for (Block nested : IrWalk.blocks(s)) {
          block(nested, inner);
        }
      }
    }

    private static Deque<Target> innerTargets(Stmt s, Deque<Target> targets) {
      if (s instanceof Stmt.DurableMap
          || s instanceof Stmt.DurableParallel
          || s instanceof Stmt.AwaitCallback) {
        return new ArrayDeque<>();
      }
      Deque<Target> inner = new ArrayDeque<>(targets);
      if (s instanceof Stmt.Loop l) {
        inner.push(new Target(l.label(), true));
      } else if (s instanceof Stmt.ForEach f) {
        inner.push(new Target(f.label(), true));
      } else if (s instanceof Stmt.Switch) {
        inner.push(new Target(Optional.empty(), false));
      }
      return inner;
    }

    private static boolean reaches(Deque<Target> targets, Optional<String> label, boolean loop) {
      for (Target t : targets) {
        boolean kind = !loop || t.loop();
        if (label.isEmpty() ? kind : label.equals(t.label()) && kind) {
          return true;
        }
      }
      return false;
    }

    private static String label(Optional<String> label) {
      return label.map(l -> " labelled '" + l + "'").orElse("");
    }

    private void fail(Stmt s, String problem) {
      throw new IllegalStateException(
          "IR check failed in workflow '"
              + wf.name()
              + "' at "
              + s.position().file().displayPath()
              + ":"
              + s.position().line()
              + ": "
              + problem);
    }
  }
}
