package dev.statecraft.compiler.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Visits every expression and statement of a body, for passes that only look. */
public final class IrWalk {
  private IrWalk() {}

  /** Calls {@code visitor} on every statement, nested ones included, in source order. */
  public static void statements(Block block, Consumer<Stmt> visitor) {
    for (Stmt s : block.statements()) {
      visitor.accept(s);
      for (Block inner : blocks(s)) {
        statements(inner, visitor);
      }
    }
  }

  /** The blocks nested directly in {@code s}. */
  public static List<Block> blocks(Stmt s) {
    List<Block> all = new ArrayList<>();
    if (s instanceof Stmt.If i) {
      all.add(i.then());
      all.add(i.otherwise());
    } else if (s instanceof Stmt.Loop l) {
      all.add(l.body());
      all.add(l.update());
    } else if (s instanceof Stmt.ForEach f) {
      all.add(f.body());
    } else if (s instanceof Stmt.Switch sw) {
      sw.cases().forEach(c -> all.add(c.body()));
      all.add(sw.otherwise());
    } else if (s instanceof Stmt.Try t) {
      all.add(t.body());
      t.catches().forEach(c -> all.add(c.body()));
      all.add(t.finallyBlock());
    } else if (s instanceof Stmt.DurableMap m) {
      all.add(m.body());
    } else if (s instanceof Stmt.DurableParallel p) {
      all.addAll(p.branches());
    } else if (s instanceof Stmt.AwaitCallback a) {
      all.add(a.notifier());
    }
    return all;
  }

  /** The expressions {@code s} evaluates itself, not those of the blocks nested in it. */
  public static List<Expr> expressions(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      return List.of(a.value());
    } else if (s instanceof Stmt.Invoke i) {
      return i.arguments();
    } else if (s instanceof Stmt.If i) {
      return List.of(i.condition());
    } else if (s instanceof Stmt.Return r) {
      return r.value().stream().toList();
    } else if (s instanceof Stmt.Fail f) {
      return List.of(f.error(), f.cause());
    } else if (s instanceof Stmt.Yield y) {
      return List.of(y.value());
    } else if (s instanceof Stmt.Loop l) {
      return List.of(l.condition());
    } else if (s instanceof Stmt.ForEach f) {
      return List.of(f.iterable());
    } else if (s instanceof Stmt.Switch sw) {
      return List.of(sw.selector());
    } else if (s instanceof Stmt.DurableMap m) {
      return List.of(m.items());
    } else if (s instanceof Stmt.Sleep w) {
      return List.of(w.seconds());
    } else if (s instanceof Stmt.AwaitCallback a) {
      return List.of(a.timeoutSeconds());
    } else if (s instanceof Stmt.StartChild c) {
      return c.input().stream().toList();
    } else if (s instanceof Stmt.Declare
        || s instanceof Stmt.Break
        || s instanceof Stmt.Continue
        || s instanceof Stmt.Try
        || s instanceof Stmt.DurableParallel) {
      return List.of();
    }
    throw new IllegalStateException("IrWalk does not know " + s.getClass().getSimpleName());
  }

  /** Calls {@code visitor} on {@code e} and every expression inside it. */
  public static void expressions(Expr e, Consumer<Expr> visitor) {
    visitor.accept(e);
    e.children().forEach(c -> expressions(c, visitor));
  }

  /** Every local variable name declared or written in {@code block}. */
  public static List<String> localNames(Block block) {
    List<String> names = new ArrayList<>();
    statements(
        block,
        s -> {
          if (s instanceof Stmt.Assign a) {
            names.add(a.target().name());
          } else if (s instanceof Stmt.Declare d) {
            names.add(d.variable().name());
          } else if (s instanceof Stmt.Invoke i) {
            i.target().ifPresent(t -> names.add(t.name()));
          } else if (s instanceof Stmt.ForEach f) {
            names.add(f.variable().name());
          } else if (s instanceof Stmt.DurableMap m) {
            m.target().ifPresent(t -> names.add(t.name()));
            names.add(m.item().name());
          } else if (s instanceof Stmt.DurableParallel p) {
            p.target().ifPresent(t -> names.add(t.name()));
          } else if (s instanceof Stmt.AwaitCallback a) {
            a.target().ifPresent(t -> names.add(t.name()));
            names.add(a.callback().name());
          } else if (s instanceof Stmt.StartChild c) {
            c.target().ifPresent(t -> names.add(t.name()));
          } else if (s instanceof Stmt.Try t) {
            for (Stmt.Catch c : t.catches()) {
              c.error().ifPresent(v -> names.add(v.name()));
              c.message().ifPresent(v -> names.add(v.name()));
            }
          }
        });
    return names;
  }
}
