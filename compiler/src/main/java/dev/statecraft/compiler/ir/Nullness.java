package dev.statecraft.compiler.ir;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which values may be {@code null} at run time, where Java would throw {@code NullPointerException}
 * on a method call or an accessor and a state machine's expression language would go on (JSONata's
 * {@code $count(null)} is 1) or fail with an error of its own.
 *
 * <p>A value may be {@code null} when it is read from outside the workflow's own code: a record
 * field, a map or list element, an activity's, child workflow's or callback's result, the {@code
 * null} literal, or a local that any of these is ever stored in (flow-insensitive: one write that
 * may be {@code null} makes the local so everywhere, which only costs a check). Strings,
 * collections and records built by the workflow itself are never {@code null}. Back ends use it to
 * fail exactly where Java does.
 */
public final class Nullness {
  private final Set<String> locals;

  private Nullness(Set<String> locals) {
    this.locals = Set.copyOf(locals);
  }

  /** Nothing is known to be {@code null}: for expressions rendered outside a workflow. */
  public static Nullness none() {
    return new Nullness(Set.of());
  }

  /** The analysis of {@code body}: the locals that may hold {@code null}, to a fixed point. */
  public static Nullness of(Block body) {
    Set<String> locals = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      Nullness sofar = new Nullness(locals);
      Set<String> found = new HashSet<>();
      IrWalk.statements(body, s -> found.addAll(sofar.nullableWrites(s)));
      changed = locals.addAll(found);
    }
    return new Nullness(locals);
  }

  /** Whether {@code e} may evaluate to {@code null}. */
  public boolean mayBeNull(Expr e) {
    if (!reference(e.type())) {
      return false;
    }
    if (e instanceof Expr.Literal l) {
      return l.value() == null;
    }
    if (e instanceof Expr.Local l) {
      return locals.contains(l.name());
    }
    if (e instanceof Expr.Conditional c) {
      return mayBeNull(c.whenTrue()) || mayBeNull(c.whenFalse());
    }
    if (e instanceof Expr.Call c) {
      return c.builtin() == Builtin.MAP_GET
          || c.builtin() == Builtin.LIST_GET
          || c.builtin() == Builtin.LIST_ELEMENT;
    }
    return e instanceof Expr.FieldGet
        || e instanceof Expr.ActivityCall
        || e instanceof Expr.ChildCall;
  }

  private Set<String> nullableWrites(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      return mayBeNull(a.value()) ? Set.of(a.target().name()) : Set.of();
    }
    // A durable call's result: an activity may return null, a callback be answered with it.
    Optional<Expr.Local> result =
        s instanceof Stmt.Invoke i
            ? i.target()
            : s instanceof Stmt.AwaitCallback c
                ? c.target()
                : s instanceof Stmt.StartChild c ? c.target() : Optional.empty();
    return result.filter(t -> reference(t.type())).map(t -> Set.of(t.name())).orElse(Set.of());
  }

  private static boolean reference(IrType t) {
    return !(t instanceof IrType.Primitive p) || p.kind() == IrType.PrimitiveKind.STRING;
  }
}
