package dev.statecraft.compiler.ir;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which locals are live (read later before being reassigned) on entry to each statement. Back ends
 * use it to store only what later code reads: on AWS every assigned variable is state payload.
 */
public final class Liveness {
  private final Map<Stmt, Set<String>> liveIn = new IdentityHashMap<>();

  private Liveness() {}

  /** Analyses a workflow body. */
  public static Liveness of(Block body) {
    Liveness l = new Liveness();
    l.block(body, Set.of());
    return l;
  }

  /** The locals live on entry to {@code s}. */
  public Set<String> liveIn(Stmt s) {
    Set<String> live = liveIn.get(s);
    if (live == null) {
      throw new IllegalStateException("statement not in the analysed body: " + s);
    }
    return live;
  }

  private Set<String> block(Block b, Set<String> out) {
    Set<String> live = out;
    List<Stmt> statements = b.statements();
    for (int i = statements.size() - 1; i >= 0; i--) {
      live = statement(statements.get(i), live);
      liveIn.put(statements.get(i), live);
    }
    return live;
  }

  private Set<String> statement(Stmt s, Set<String> out) {
    Set<String> in = new HashSet<>();
    if (s instanceof Stmt.Assign a) {
      in.addAll(out);
      in.remove(a.target().name());
      reads(a.value(), in);
    } else if (s instanceof Stmt.Declare d) {
      in.addAll(out);
      in.remove(d.variable().name());
    } else if (s instanceof Stmt.Invoke i) {
      in.addAll(out);
      i.target().ifPresent(t -> in.remove(t.name()));
      i.arguments().forEach(e -> reads(e, in));
    } else if (s instanceof Stmt.If i) {
      in.addAll(block(i.then(), out));
      in.addAll(block(i.otherwise(), out));
      reads(i.condition(), in);
    } else if (s instanceof Stmt.Return r) {
      r.value().ifPresent(e -> reads(e, in));
    } else if (s instanceof Stmt.Fail f) {
      reads(f.error(), in);
      reads(f.cause(), in);
    } else {
      throw new IllegalStateException(
          "Liveness does not handle " + s.getClass().getSimpleName() + " yet");
    }
    return Set.copyOf(in);
  }

  /** Adds the locals {@code e} reads to {@code into}. */
  public static void reads(Expr e, Set<String> into) {
    if (e instanceof Expr.Local l) {
      into.add(l.name());
    }
    e.children().forEach(c -> reads(c, into));
  }
}
