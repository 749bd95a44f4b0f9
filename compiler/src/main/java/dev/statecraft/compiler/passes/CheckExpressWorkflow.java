package dev.statecraft.compiler.passes;

import dev.statecraft.api.WorkflowType;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrWalk;
import dev.statecraft.compiler.ir.Stmt;
import dev.statecraft.compiler.ir.WorkflowIr;

/**
 * Refuses in a {@link WorkflowType#EXPRESS} workflow what a Step Functions Express workflow cannot
 * do: it lasts at most five minutes and has no {@code .waitForTaskToken} or {@code .sync}
 * integrations, so it cannot await a callback, sleep past five minutes or wait for a child
 * workflow. An activity whose timeout is longer than five minutes is a warning: the execution
 * itself ends at five minutes.
 */
public final class CheckExpressWorkflow {
  /** Step Functions' limit on an Express execution's duration. */
  static final long EXPRESS_SECONDS = 300;

  private static final String HINT =
      "use @Workflow(type = WorkflowType.STANDARD) (the default) for workflows that wait";

  private CheckExpressWorkflow() {}

  /** Runs the check. */
  public static void run(WorkflowIr wf, Diagnostics diagnostics) {
    if (wf.type() != WorkflowType.EXPRESS) {
      return;
    }
    IrWalk.statements(
        wf.body(),
        s -> {
          if (s instanceof Stmt.AwaitCallback a) {
            refuse(diagnostics, a.position(), "await a callback (.waitForTaskToken)");
          } else if (s instanceof Stmt.StartChild c) {
            refuse(diagnostics, c.position(), "wait for a child workflow (.sync)");
          } else if (s instanceof Stmt.Sleep w && !withinLimit(w.seconds())) {
            refuse(
                diagnostics,
                w.position(),
                "sleep longer than five minutes (or for a time not known when compiling)");
          }
          for (Expr e : IrWalk.expressions(s)) {
            IrWalk.expressions(
                e,
                x -> {
                  if (x instanceof Expr.ChildCall c) {
                    refuse(diagnostics, c.position(), "wait for a child workflow (.sync)");
                  }
                });
          }
        });
    for (ActivityMethod a : wf.activities()) {
      if (a.timeout().toSeconds() > EXPRESS_SECONDS) {
        diagnostics.warning(
            DiagnosticCode.EXPRESS_UNSUPPORTED,
            wf.position(),
            "activity '"
                + a.name()
                + "' may run "
                + a.timeout().toSeconds()
                + " s, but an Express execution ends after five minutes",
            "lower @Activity(timeout) to five minutes or less, or " + HINT);
      }
    }
  }

  private static boolean withinLimit(Expr seconds) {
    return seconds instanceof Expr.Literal l
        && l.value() instanceof Number n
        && n.doubleValue() <= EXPRESS_SECONDS;
  }

  private static void refuse(
      Diagnostics diagnostics, dev.statecraft.compiler.diagnostic.SourcePosition at, String what) {
    diagnostics.error(
        DiagnosticCode.EXPRESS_UNSUPPORTED,
        at,
        "an Express workflow lasts at most five minutes and cannot " + what,
        HINT);
  }
}
