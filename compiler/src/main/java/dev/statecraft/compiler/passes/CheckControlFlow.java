package dev.statecraft.compiler.passes;

import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.Stmt;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.List;

/**
 * Reports statements that can never run and non-void workflow methods that can finish without
 * returning, by Java's rules of reachability.
 */
public final class CheckControlFlow {
  private final Diagnostics diagnostics;

  private CheckControlFlow(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Runs the check. */
  public static void run(WorkflowIr wf, Diagnostics diagnostics) {
    boolean falls = new CheckControlFlow(diagnostics).completesNormally(wf.body());
    if (falls && !wf.output().equals(IrType.VOID)) {
      diagnostics.error(
          DiagnosticCode.MISSING_RETURN,
          wf.position(),
          "workflow method '"
              + wf.methodName()
              + "' can finish without returning a '"
              + wf.output().javaName()
              + "'",
          "end every path with return or throw new WorkflowFailure(...)");
    }
  }

  private boolean completesNormally(Block block) {
    List<Stmt> statements = block.statements();
    for (int i = 0; i < statements.size(); i++) {
      if (!completesNormally(statements.get(i))) {
        if (i + 1 < statements.size()) {
          diagnostics.error(
              DiagnosticCode.UNREACHABLE_CODE,
              statements.get(i + 1).position(),
              "this statement can never run",
              "remove it, or move it before the return or throw that ends the path");
        }
        return false;
      }
    }
    return true;
  }

  private boolean completesNormally(Stmt s) {
    if (s instanceof Stmt.Return || s instanceof Stmt.Fail) {
      return false;
    }
    if (s instanceof Stmt.If i) {
      boolean then = completesNormally(i.then());
      boolean otherwise = completesNormally(i.otherwise());
      return then || otherwise;
    }
    return true;
  }
}
