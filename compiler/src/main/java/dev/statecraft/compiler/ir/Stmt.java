package dev.statecraft.compiler.ir;

import dev.statecraft.compiler.diagnostic.SourcePosition;
import dev.statecraft.compiler.ir.Expr.Local;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A statement of workflow code. Pure computation is {@link Assign}; every durable effect is its own
 * statement kind, so back ends find every state boundary here.
 */
public sealed interface Stmt
    permits Stmt.Declare,
        Stmt.Assign,
        Stmt.Invoke,
        Stmt.If,
        Stmt.Return,
        Stmt.Fail,
        Stmt.Loop,
        Stmt.ForEach,
        Stmt.Break,
        Stmt.Continue,
        Stmt.Switch,
        Stmt.Try,
        Stmt.DurableMap,
        Stmt.DurableParallel,
        Stmt.Yield,
        Stmt.Sleep,
        Stmt.AwaitCallback,
        Stmt.StartChild {

  /** Where the statement starts in the source. */
  SourcePosition position();

  /** Calls the {@code visitor} method for this kind of statement. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of statement. A pass that implements it handles every kind, and a new kind
   * of statement does not compile until every visitor handles it ({@link IrWalk} is built on it).
   */
  interface Visitor<R> {
    R visitDeclare(Declare s);

    R visitAssign(Assign s);

    R visitInvoke(Invoke s);

    R visitIf(If s);

    R visitReturn(Return s);

    R visitFail(Fail s);

    R visitLoop(Loop s);

    R visitForEach(ForEach s);

    R visitBreak(Break s);

    R visitContinue(Continue s);

    R visitSwitch(Switch s);

    R visitTry(Try s);

    R visitDurableMap(DurableMap s);

    R visitDurableParallel(DurableParallel s);

    R visitYield(Yield s);

    R visitSleep(Sleep s);

    R visitAwaitCallback(AwaitCallback s);

    R visitStartChild(StartChild s);
  }

  /** A local declared without a value ({@code int x;}); the front end's temporaries use it. */
  record Declare(Local variable, SourcePosition position) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDeclare(this);
    }
  }

  /** {@code x = value}, or a declaration {@code T x = value} when {@code declaration} is set. */
  record Assign(Local target, Expr value, boolean declaration, SourcePosition position)
      implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAssign(this);
    }

    public Assign {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * An activity call, its result stored in {@code target} when present. Arguments are pure.
   *
   * @param declaration whether {@code target} is declared here
   */
  record Invoke(
      Optional<Local> target,
      ActivityMethod activity,
      List<Expr> arguments,
      boolean declaration,
      SourcePosition position)
      implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitInvoke(this);
    }

    public Invoke {
      arguments = List.copyOf(arguments);
    }
  }

  /** {@code if (condition) then else otherwise}; {@code otherwise} may be empty. */
  record If(Expr condition, Block then, Block otherwise, SourcePosition position) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitIf(this);
    }
  }

  /** Ends the workflow with a value, or with {@code null} for a {@code void} workflow. */
  record Return(Optional<Expr> value, SourcePosition position) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitReturn(this);
    }
  }

  /** {@code throw new WorkflowFailure(error, cause)}: fails the execution. */
  record Fail(Expr error, Expr cause, SourcePosition position) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitFail(this);
    }
  }

  /**
   * {@code while}, {@code do}/{@code while} and indexed {@code for}: runs {@code body} then {@code
   * update} while {@code condition} holds; {@code continue} skips to {@code update}.
   *
   * @param testFirst false for {@code do}/{@code while}
   */
  record Loop(
      Optional<String> label,
      Expr condition,
      Block body,
      Block update,
      boolean testFirst,
      SourcePosition position)
      implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitLoop(this);
    }
  }

  /** {@code for (T variable : iterable) body}. */
  record ForEach(
      Optional<String> label, Local variable, Expr iterable, Block body, SourcePosition position)
      implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitForEach(this);
    }
  }

  /** Leaves the innermost (or the labelled) loop or switch. */
  record Break(Optional<String> label, SourcePosition position) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBreak(this);
    }
  }

  /** Starts the next iteration of the innermost (or the labelled) loop. */
  record Continue(Optional<String> label, SourcePosition position) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitContinue(this);
    }
  }

  /** One arm of a {@link Switch}: the constants it matches and its body (no fall-through). */
  record Case(List<Expr.Literal> labels, Block body) {
    public Case {
      labels = List.copyOf(labels);
    }
  }

  /** A switch on a string or an enum, without fall-through; {@code otherwise} may be empty. */
  record Switch(Expr selector, List<Case> cases, Block otherwise, SourcePosition position)
      implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitSwitch(this);
    }

    public Switch {
      cases = List.copyOf(cases);
    }
  }

  /**
   * One {@code catch} clause.
   *
   * @param errors what it catches
   * @param error bound to the caught error's name when the clause rethrows it
   * @param message bound to {@code e.getMessage()} when the clause reads it
   */
  record Catch(List<ErrorName> errors, Optional<Local> error, Optional<Local> message, Block body) {
    public Catch {
      errors = List.copyOf(errors);
    }
  }

  /** {@code try}/{@code catch}/{@code finally}; {@code finallyBlock} may be empty. */
  record Try(Block body, List<Catch> catches, Block finallyBlock, SourcePosition position)
      implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitTry(this);
    }

    public Try {
      catches = List.copyOf(catches);
    }
  }

  /**
   * {@code Durable.map(items, maxConcurrency, item -> body)}: runs {@code body} per item in
   * parallel; each run ends in a {@link Yield} whose values form the result list.
   *
   * @param maxConcurrency 0 for no limit
   */
  record DurableMap(
      Optional<Local> target,
      Expr items,
      int maxConcurrency,
      Local item,
      Block body,
      boolean declaration,
      SourcePosition position)
      implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDurableMap(this);
    }
  }

  /**
   * {@code Durable.parallel(() -> a, () -> b[, () -> c])}: each branch ends in a {@link Yield}; the
   * results form a {@code Pair} or {@code Triple} in {@code target}.
   */
  record DurableParallel(
      Optional<Local> target, List<Block> branches, boolean declaration, SourcePosition position)
      implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDurableParallel(this);
    }

    public DurableParallel {
      branches = List.copyOf(branches);
    }
  }

  /** The value a map body or parallel branch produces; the last statement of its block. */
  record Yield(Expr value, SourcePosition position) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitYield(this);
    }
  }

  /** {@code Durable.sleep(duration)}, the duration in whole seconds. */
  record Sleep(Expr seconds, SourcePosition position) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitSleep(this);
    }
  }

  /**
   * {@code Durable.awaitCallback(type, timeout, callback -> notify)}: {@code notifier} calls
   * exactly one activity that receives {@code callback}; the workflow then waits for the answer.
   */
  record AwaitCallback(
      Optional<Local> target,
      IrType resultType,
      Expr timeoutSeconds,
      Local callback,
      Block notifier,
      boolean declaration,
      SourcePosition position)
      implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAwaitCallback(this);
    }
  }

  /** Calls another workflow as a child execution and waits for its result. */
  record StartChild(
      Optional<Local> target,
      String workflowName,
      Optional<Expr> input,
      IrType resultType,
      boolean declaration,
      SourcePosition position)
      implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitStartChild(this);
    }
  }
}
