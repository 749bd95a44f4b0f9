package dev.statecraft.compiler.passes;

import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.Reachability;
import dev.statecraft.compiler.ir.WorkflowIr;

/**
 * Reports statements that can never run, non-void workflow methods that can finish without
 * returning, and lambdas of Durable operations that can finish without a value, by Java's rules of
 * reachability ({@link Reachability}).
 */
public final class CheckControlFlow {
  private CheckControlFlow() {}

  /** Runs the check. */
  public static void run(WorkflowIr wf, Diagnostics diagnostics) {
    Reachability reachability =
        new Reachability(
            s ->
                diagnostics.error(
                    DiagnosticCode.UNREACHABLE_CODE,
                    s.position(),
                    "this statement can never run",
                    "remove it, or move it before the statement that ends the path"),
            (s, body) ->
                diagnostics.error(
                    DiagnosticCode.MISSING_RETURN,
                    s.position(),
                    "a lambda of this Durable operation can finish without returning a value",
                    "end every path of the lambda with return"));
    boolean falls = reachability.completesNormally(wf.body());
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
}
