package dev.statecraft.compiler.passes;

import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Expr.ActivityCall;
import dev.statecraft.compiler.ir.Expr.BinaryOp;
import dev.statecraft.compiler.ir.Expr.Local;
import dev.statecraft.compiler.ir.Exprs;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.Stmt;
import dev.statecraft.compiler.ir.UniqueNames;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves every activity call out of expressions into an {@link Stmt.Invoke} of its own, and every
 * child workflow call into a {@link Stmt.StartChild}, so back ends see each as a statement. Java's
 * order of evaluation is kept: calls run left to right, innermost first, and a call in the right
 * operand of {@code &&}, {@code ||} or a branch of {@code ?:} runs only when Java would run it (the
 * expression becomes an {@code if}).
 *
 * <pre>
 * String r = act.a(x) + act.b(y);   becomes   String aResult = act.a(x);
 *                                             String bResult = act.b(y);
 *                                             String r = aResult + bResult;
 * </pre>
 */
public final class HoistActivityCalls {
  private final UniqueNames names;

  private HoistActivityCalls(WorkflowIr wf) {
    names = UniqueNames.avoiding(wf);
  }

  /** Runs the pass. */
  public static WorkflowIr run(WorkflowIr wf) {
    return wf.withBody(new HoistActivityCalls(wf).block(wf.body()));
  }

  private Block block(Block b) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : b.statements()) {
      statement(s, out);
    }
    return new Block(out);
  }

  private void statement(Stmt s, List<Stmt> out) {
    if (s instanceof Stmt.Assign a && a.value() instanceof Expr.ChildCall child) {
      startChild(child, Optional.of(a.target()), a.declaration(), out);
    } else if (s instanceof Stmt.Assign a) {
      if (a.value() instanceof ActivityCall call) {
        List<Expr> args = hoistAll(call.arguments(), out);
        out.add(
            new Stmt.Invoke(
                Optional.of(a.target()), call.activity(), args, a.declaration(), a.position()));
      } else {
        out.add(new Stmt.Assign(a.target(), hoist(a.value(), out), a.declaration(), a.position()));
      }
    } else if (s instanceof Stmt.Invoke i) {
      out.add(
          new Stmt.Invoke(
              i.target(),
              i.activity(),
              hoistAll(i.arguments(), out),
              i.declaration(),
              i.position()));
    } else if (s instanceof Stmt.If i) {
      Expr cond = hoist(i.condition(), out);
      out.add(new Stmt.If(cond, block(i.then()), block(i.otherwise()), i.position()));
    } else if (s instanceof Stmt.Return r) {
      out.add(new Stmt.Return(r.value().map(v -> hoist(v, out)), r.position()));
    } else if (s instanceof Stmt.Fail f) {
      List<Expr> parts = hoistAll(List.of(f.error(), f.cause()), out);
      out.add(new Stmt.Fail(parts.get(0), parts.get(1), f.position()));
    } else if (s instanceof Stmt.Yield y) {
      out.add(new Stmt.Yield(hoist(y.value(), out), y.position()));
    } else if (s instanceof Stmt.Loop l) {
      loop(l, out);
    } else if (s instanceof Stmt.ForEach f) {
      Expr iterable = hoist(f.iterable(), out);
      out.add(new Stmt.ForEach(f.label(), f.variable(), iterable, block(f.body()), f.position()));
    } else if (s instanceof Stmt.Switch sw) {
      Expr selector = hoist(sw.selector(), out);
      List<Stmt.Case> cases =
          sw.cases().stream().map(c -> new Stmt.Case(c.labels(), block(c.body()))).toList();
      out.add(new Stmt.Switch(selector, cases, block(sw.otherwise()), sw.position()));
    } else if (s instanceof Stmt.Try t) {
      List<Stmt.Catch> catches =
          t.catches().stream()
              .map(c -> new Stmt.Catch(c.errors(), c.error(), c.message(), block(c.body())))
              .toList();
      out.add(new Stmt.Try(block(t.body()), catches, block(t.finallyBlock()), t.position()));
    } else if (s instanceof Stmt.DurableMap m) {
      Expr items = hoist(m.items(), out);
      out.add(
          new Stmt.DurableMap(
              m.target(),
              items,
              m.maxConcurrency(),
              m.item(),
              block(m.body()),
              m.declaration(),
              m.position()));
    } else if (s instanceof Stmt.DurableParallel p) {
      out.add(
          new Stmt.DurableParallel(
              p.target(),
              p.branches().stream().map(this::block).toList(),
              p.declaration(),
              p.position()));
    } else if (s instanceof Stmt.Sleep w) {
      out.add(new Stmt.Sleep(hoist(w.seconds(), out), w.position()));
    } else if (s instanceof Stmt.AwaitCallback a) {
      Expr timeout = hoist(a.timeoutSeconds(), out);
      out.add(
          new Stmt.AwaitCallback(
              a.target(),
              a.resultType(),
              timeout,
              a.callback(),
              block(a.notifier()),
              a.declaration(),
              a.position()));
    } else if (s instanceof Stmt.StartChild c) {
      Optional<Expr> input = c.input().map(e -> hoist(e, out));
      out.add(
          new Stmt.StartChild(
              c.target(), c.workflowName(), input, c.resultType(), c.declaration(), c.position()));
    } else {
      out.add(s); // Declare, Break, Continue: no expressions
    }
  }

  /**
   * A loop whose condition calls an activity evaluates the call on every check: {@code while (c)}
   * becomes {@code while (true) { calls; if (!c) break; body }}, and a {@code do}/{@code while}
   * checks at the end of its update.
   */
  private void loop(Stmt.Loop l, List<Stmt> out) {
    if (!containsCall(l.condition())) {
      out.add(
          new Stmt.Loop(
              l.label(),
              l.condition(),
              block(l.body()),
              block(l.update()),
              l.testFirst(),
              l.position()));
      return;
    }
    List<Stmt> check = new ArrayList<>();
    Expr cond = hoist(l.condition(), check);
    check.add(
        new Stmt.If(
            new Expr.Unary(Expr.UnaryOp.NOT, cond, IrType.BOOLEAN),
            new Block(List.of(new Stmt.Break(Optional.empty(), l.position()))),
            Block.EMPTY,
            l.position()));
    Expr always = Expr.Literal.of(true);
    if (l.testFirst()) {
      List<Stmt> body = new ArrayList<>(check);
      body.addAll(block(l.body()).statements());
      out.add(
          new Stmt.Loop(l.label(), always, new Block(body), block(l.update()), true, l.position()));
    } else {
      List<Stmt> update = new ArrayList<>(block(l.update()).statements());
      update.addAll(check);
      out.add(
          new Stmt.Loop(l.label(), always, block(l.body()), new Block(update), true, l.position()));
    }
  }

  /**
   * The expressions, evaluated left to right as Java does: one that comes before an activity call
   * and could fail (an index out of range, a division by zero, a method called on {@code null}) is
   * evaluated into a temporary first, so it fails before the call runs, not after.
   */
  private List<Expr> hoistAll(List<Expr> exprs, List<Stmt> out) {
    int lastCall = -1;
    for (int k = 0; k < exprs.size(); k++) {
      if (containsCall(exprs.get(k))) {
        lastCall = k;
      }
    }
    List<Expr> result = new ArrayList<>();
    for (int k = 0; k < exprs.size(); k++) {
      Expr e = exprs.get(k);
      if (k < lastCall && !containsCall(e) && !(e instanceof Expr.Literal || e instanceof Local)) {
        Local temp = new Local(names.next("before"), e.type());
        out.add(new Stmt.Assign(temp, e, true, position(firstCall(exprs.get(lastCall)))));
        result.add(temp);
      } else {
        result.add(hoist(e, out));
      }
    }
    return result;
  }

  /** The expression without activity calls; the calls it contained are appended to {@code out}. */
  private Expr hoist(Expr e, List<Stmt> out) {
    if (!containsCall(e)) {
      return e;
    }
    if (e instanceof ActivityCall call) {
      List<Expr> args = hoistAll(call.arguments(), out);
      Local temp = new Local(names.next(call.activity().name() + "Result"), call.type());
      out.add(new Stmt.Invoke(Optional.of(temp), call.activity(), args, true, call.position()));
      return temp;
    }
    if (e instanceof Expr.ChildCall child) {
      Local temp = new Local(names.next(nameBase(child) + "Result"), child.type());
      startChild(child, Optional.of(temp), true, out);
      return temp;
    }
    if (e instanceof Expr.Binary b && b.op().logical() && containsCall(b.right())) {
      Expr whenTrue = b.op() == BinaryOp.AND ? b.right() : Expr.Literal.of(true);
      Expr whenFalse = b.op() == BinaryOp.AND ? Expr.Literal.of(false) : b.right();
      return hoist(new Expr.Conditional(b.left(), whenTrue, whenFalse, IrType.BOOLEAN), out);
    }
    if (e instanceof Expr.Conditional c
        && (containsCall(c.whenTrue()) || containsCall(c.whenFalse()))) {
      Expr cond = hoist(c.condition(), out);
      Expr first = firstCall(containsCall(c.whenTrue()) ? c.whenTrue() : c.whenFalse());
      Local temp = new Local(names.next(nameBase(first) + "OrElse"), c.type());
      out.add(new Stmt.Declare(temp, position(first)));
      out.add(
          new Stmt.If(
              cond,
              assignTo(temp, c.whenTrue(), first),
              assignTo(temp, c.whenFalse(), first),
              position(first)));
      return temp;
    }
    List<Expr> children = hoistAll(e.children(), out);
    return Exprs.withChildren(e, children);
  }

  private void startChild(
      Expr.ChildCall child, Optional<Local> target, boolean declaration, List<Stmt> out) {
    Optional<Expr> input = child.input().map(i -> hoist(i, out));
    out.add(
        new Stmt.StartChild(
            target, child.workflowName(), input, child.type(), declaration, child.position()));
  }

  private Block assignTo(Local temp, Expr value, Expr at) {
    List<Stmt> out = new ArrayList<>();
    statement(new Stmt.Assign(temp, value, false, position(at)), out);
    return new Block(out);
  }

  /** What a temporary holding the call's result is named after. */
  private static String nameBase(Expr call) {
    if (call instanceof ActivityCall a) {
      return a.activity().name();
    }
    String[] words = ((Expr.ChildCall) call).workflowName().split("[^A-Za-z0-9]+");
    StringBuilder camel = new StringBuilder();
    for (String w : words) {
      if (!w.isEmpty()) {
        camel.append(camel.length() == 0 ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
      }
    }
    return camel.length() == 0 || !Character.isLetter(camel.charAt(0)) ? "child" : camel.toString();
  }

  private static dev.statecraft.compiler.diagnostic.SourcePosition position(Expr call) {
    return call instanceof ActivityCall a ? a.position() : ((Expr.ChildCall) call).position();
  }

  private static Expr firstCall(Expr e) {
    if (e instanceof ActivityCall || e instanceof Expr.ChildCall) {
      return e;
    }
    for (Expr child : e.children()) {
      if (containsCall(child)) {
        return firstCall(child);
      }
    }
    throw new IllegalStateException("no activity call in " + e);
  }

  static boolean containsCall(Expr e) {
    return e instanceof ActivityCall
        || e instanceof Expr.ChildCall
        || e.children().stream().anyMatch(HoistActivityCalls::containsCall);
  }
}
