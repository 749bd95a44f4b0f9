package dev.statecraft.compiler.ir;

import java.util.List;

/** Rebuilding an expression node with new children, for rewriting passes. */
public final class Exprs {
  private Exprs() {}

  /** {@code e} with its {@link Expr#children()} replaced, in the same order. */
  public static Expr withChildren(Expr e, List<Expr> c) {
    if (c.equals(e.children())) {
      return e;
    }
    if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.op(), c.get(0), u.type());
    }
    if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.op(), c.get(0), c.get(1), b.type());
    }
    if (e instanceof Expr.Conditional k) {
      return new Expr.Conditional(c.get(0), c.get(1), c.get(2), k.type());
    }
    if (e instanceof Expr.Concat) {
      return new Expr.Concat(c);
    }
    if (e instanceof Expr.Convert v) {
      return new Expr.Convert(c.get(0), v.type());
    }
    if (e instanceof Expr.NewRecord r) {
      return new Expr.NewRecord(r.type(), c);
    }
    if (e instanceof Expr.FieldGet f) {
      return new Expr.FieldGet(c.get(0), f.field(), f.type());
    }
    if (e instanceof Expr.ListLiteral l) {
      return new Expr.ListLiteral(c, l.type());
    }
    if (e instanceof Expr.MapLiteral m) {
      return new Expr.MapLiteral(c, m.type());
    }
    if (e instanceof Expr.Call k) {
      return new Expr.Call(k.builtin(), c, k.type());
    }
    if (e instanceof Expr.ActivityCall a) {
      return new Expr.ActivityCall(a.activity(), c, a.position());
    }
    if (e instanceof Expr.ChildCall k) {
      return new Expr.ChildCall(k.workflowName(), c.stream().findFirst(), k.type(), k.position());
    }
    throw new IllegalStateException("leaf expression has no children: " + e);
  }
}
