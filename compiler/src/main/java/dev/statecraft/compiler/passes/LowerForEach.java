package dev.statecraft.compiler.passes;

import dev.statecraft.compiler.ir.Block;
import dev.statecraft.compiler.ir.Builtin;
import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.Expr.Local;
import dev.statecraft.compiler.ir.IrType;
import dev.statecraft.compiler.ir.Stmt;
import dev.statecraft.compiler.ir.UniqueNames;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites {@code for (T x : list) body} into an indexed loop over a copy of the list, for back
 * ends whose loops are jumps (a Choice per iteration on AWS, {@code next} on GCP):
 *
 * <pre>
 * xItems = list; xIndex = 0;
 * while (xIndex &lt; xItems.size()) { x = xItems.get(xIndex); body; } update: xIndex = xIndex + 1
 * </pre>
 */
public final class LowerForEach {
  private final UniqueNames names;

  private LowerForEach(WorkflowIr wf) {
    names = UniqueNames.avoiding(wf);
  }

  /** Runs the pass. */
  public static WorkflowIr run(WorkflowIr wf) {
    return wf.withBody(new LowerForEach(wf).block(wf.body()));
  }

  private Block block(Block b) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : b.statements()) {
      out.addAll(statement(s));
    }
    return new Block(out);
  }

  private List<Stmt> statement(Stmt s) {
    if (s instanceof Stmt.ForEach f) {
      IrType.ListType type = (IrType.ListType) f.iterable().type();
      Local items = new Local(names.next(f.variable().name() + "Items"), type);
      Local index = new Local(names.next(f.variable().name() + "Index"), IrType.INT);
      var pos = f.position();
      Expr size = new Expr.Call(Builtin.LIST_SIZE, List.of(items), IrType.INT);
      Expr more = new Expr.Binary(Expr.BinaryOp.LESS, index, size, IrType.BOOLEAN);
      List<Stmt> body = new ArrayList<>();
      body.add(
          new Stmt.Assign(
              f.variable(),
              new Expr.Call(Builtin.LIST_ELEMENT, List.of(items, index), type.element()),
              true,
              pos));
      body.addAll(block(f.body()).statements());
      Stmt next =
          new Stmt.Assign(
              index,
              new Expr.Binary(Expr.BinaryOp.ADD, index, Expr.Literal.of(1), IrType.INT),
              false,
              pos);
      return List.of(
          new Stmt.Assign(
              items,
              new Expr.Call(Builtin.REQUIRE_NON_NULL, List.of(f.iterable()), type),
              true,
              pos),
          new Stmt.Assign(index, Expr.Literal.of(0), true, pos),
          new Stmt.Loop(f.label(), more, new Block(body), new Block(List.of(next)), true, pos));
    }
    if (s instanceof Stmt.If i) {
      return List.of(
          new Stmt.If(i.condition(), block(i.then()), block(i.otherwise()), i.position()));
    }
    if (s instanceof Stmt.Loop l) {
      return List.of(
          new Stmt.Loop(
              l.label(),
              l.condition(),
              block(l.body()),
              block(l.update()),
              l.testFirst(),
              l.position()));
    }
    if (s instanceof Stmt.Switch sw) {
      return List.of(
          new Stmt.Switch(
              sw.selector(),
              sw.cases().stream().map(c -> new Stmt.Case(c.labels(), block(c.body()))).toList(),
              block(sw.otherwise()),
              sw.position()));
    }
    if (s instanceof Stmt.Try t) {
      return List.of(
          new Stmt.Try(
              block(t.body()),
              t.catches().stream()
                  .map(c -> new Stmt.Catch(c.errors(), c.error(), c.message(), block(c.body())))
                  .toList(),
              block(t.finallyBlock()),
              t.position()));
    }
    if (s instanceof Stmt.DurableMap m) {
      return List.of(
          new Stmt.DurableMap(
              m.target(),
              m.items(),
              m.maxConcurrency(),
              m.item(),
              block(m.body()),
              m.declaration(),
              m.position()));
    }
    if (s instanceof Stmt.DurableParallel p) {
      return List.of(
          new Stmt.DurableParallel(
              p.target(),
              p.branches().stream().map(this::block).toList(),
              p.declaration(),
              p.position()));
    }
    if (s instanceof Stmt.AwaitCallback a) {
      return List.of(
          new Stmt.AwaitCallback(
              a.target(),
              a.resultType(),
              a.timeoutSeconds(),
              a.callback(),
              block(a.notifier()),
              a.declaration(),
              a.position()));
    }
    return List.of(s);
  }
}
