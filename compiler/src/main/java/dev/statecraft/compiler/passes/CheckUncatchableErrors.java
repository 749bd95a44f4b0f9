package dev.statecraft.compiler.passes;

import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Builtin;
import dev.statecraft.compiler.ir.ErrorName;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.IrWalk;
import dev.statecraft.compiler.ir.Stmt;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reports a {@code catch} that Java would enter for an error of workflow code itself, such as
 * {@code catch (NumberFormatException e)} around {@code Integer.parseInt(s)} or {@code catch
 * (ArithmeticException e)} around {@code a / b}: on AWS a failing expression ends the execution
 * with {@code States.QueryEvaluationError} (only states that call something can catch), so the
 * handler would never run. Activities' exceptions stay catchable.
 */
public final class CheckUncatchableErrors {
  private static final String NUMBER_FORMAT = "java.lang.NumberFormatException";
  private static final String ILLEGAL_ARGUMENT = "java.lang.IllegalArgumentException";
  private static final String ARITHMETIC = "java.lang.ArithmeticException";

  private CheckUncatchableErrors() {}

  /** Runs the check. */
  public static void run(WorkflowIr wf, Diagnostics diagnostics) {
    IrWalk.statements(
        wf.body(),
        s -> {
          if (s instanceof Stmt.Try t) {
            check(t, diagnostics);
          }
        });
  }

  private static void check(Stmt.Try t, Diagnostics diagnostics) {
    for (Stmt.Catch c : t.catches()) {
      boolean parse = catches(c, NUMBER_FORMAT, ILLEGAL_ARGUMENT);
      boolean arithmetic = catches(c, ARITHMETIC);
      boolean illegal = catches(c, ILLEGAL_ARGUMENT);
      if (!parse && !arithmetic) {
        continue;
      }
      Optional<String> thrower = thrower(t.body(), parse, illegal, arithmetic);
      if (thrower.isPresent()) {
        diagnostics.error(
            DiagnosticCode.UNCATCHABLE_ERROR,
            t.position(),
            "this try's catch would handle the error of "
                + thrower.get()
                + " in workflow code, which the clouds cannot catch: on AWS the execution fails"
                + " instead",
            "check the value first (if (text.isEmpty()) ..., if (divisor != 0) ...), or do the"
                + " work in an activity, whose exceptions a catch does see");
      }
    }
  }

  private static boolean catches(Stmt.Catch c, String... names) {
    for (ErrorName e : c.errors()) {
      if (e instanceof ErrorName.Any) {
        return true;
      }
      if (e instanceof ErrorName.ExceptionClass k
          && k.qualifiedNames().stream().anyMatch(n -> List.of(names).contains(n))) {
        return true;
      }
    }
    return false;
  }

  /** The first expression of {@code body} that could throw what the catch handles. */
  private static Optional<String> thrower(
      Block body, boolean parse, boolean illegal, boolean arithmetic) {
    AtomicReference<Optional<String>> found = new AtomicReference<>(Optional.empty());
    IrWalk.statements(
        body,
        s -> {
          for (Expr e : IrWalk.expressions(s)) {
            IrWalk.expressions(
                e,
                x -> {
                  if (found.get().isEmpty()) {
                    found.set(throwing(x, parse, illegal, arithmetic));
                  }
                });
          }
        });
    return found.get();
  }

  private static Optional<String> throwing(
      Expr e, boolean parse, boolean illegal, boolean arithmetic) {
    if (illegal && e instanceof Expr.Call c) {
      if (c.builtin() == Builtin.ENUM_VALUE_OF) {
        return Optional.of("valueOf");
      }
      if (c.builtin() == Builtin.STRING_REPEAT) {
        return Optional.of("repeat");
      }
    }
    if (parse && e instanceof Expr.Call c) {
      if (c.builtin() == Builtin.INTEGER_PARSE_INT) {
        return Optional.of("Integer.parseInt");
      }
      if (c.builtin() == Builtin.LONG_PARSE_LONG) {
        return Optional.of("Long.parseLong");
      }
      if (c.builtin() == Builtin.DOUBLE_PARSE_DOUBLE) {
        return Optional.of("Double.parseDouble");
      }
    }
    if (arithmetic
        && e instanceof Expr.Binary b
        && (b.op() == Expr.BinaryOp.DIVIDE || b.op() == Expr.BinaryOp.REMAINDER)
        && !IrType.DOUBLE.equals(b.type())
        && !(b.right() instanceof Expr.Literal l
            && l.value() instanceof Number n
            && n.longValue() != 0)) {
      return Optional.of("'" + b.op().java() + "' by a value that may be zero");
    }
    return Optional.empty();
  }
}
