package dev.statecraft.compiler.ir;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Java's rules of reachability over the IR: whether a block can complete normally. {@code while
 * (true)} without a {@code break} never completes; nothing after {@code return}, {@code throw},
 * {@code break} or {@code continue} runs. Lambda bodies of Durable operations are judged on their
 * own.
 */
public final class Reachability {
  private static final class Frame {
    final Optional<String> label;
    boolean broken;

    Frame(Optional<String> label) {
      this.label = label;
    }
  }

  private final Deque<Frame> frames = new ArrayDeque<>();
  private final Consumer<Stmt> unreachable;
  private final java.util.function.BiConsumer<Stmt, Block> lambdaFallsThrough;

  /**
   * @param unreachable told of each statement that follows one that cannot complete
   * @param lambdaFallsThrough told of each lambda body (of the statement) that can complete without
   *     yielding a value
   */
  public Reachability(
      Consumer<Stmt> unreachable, java.util.function.BiConsumer<Stmt, Block> lambdaFallsThrough) {
    this.unreachable = unreachable;
    this.lambdaFallsThrough = lambdaFallsThrough;
  }

  /** Whether {@code b} can complete normally, ignoring what is unreachable. */
  public static boolean canComplete(Block b) {
    return new Reachability(s -> {}, (s, body) -> {}).completesNormally(b);
  }

  public boolean completesNormally(Block block) {
    List<Stmt> statements = block.statements();
    for (int i = 0; i < statements.size(); i++) {
      if (!completesNormally(statements.get(i))) {
        if (i + 1 < statements.size()) {
          unreachable.accept(statements.get(i + 1));
        }
        return false;
      }
    }
    return true;
  }

  private boolean completesNormally(Stmt s) {
    if (s instanceof Stmt.Return
        || s instanceof Stmt.Fail
        || s instanceof Stmt.Yield
        || s instanceof Stmt.Continue) {
      return false;
    }
    if (s instanceof Stmt.Break b) {
      for (Frame f : frames) {
        if (b.label().isEmpty() || f.label.equals(b.label())) {
          f.broken = true;
          break;
        }
      }
      return false;
    }
    if (s instanceof Stmt.If i) {
      boolean then = completesNormally(i.then());
      boolean otherwise = completesNormally(i.otherwise());
      return then || otherwise;
    }
    if (s instanceof Stmt.Loop l) {
      Frame f = push(l.label());
      try {
        completesNormally(l.body());
        completesNormally(l.update());
      } finally {
        frames.pop();
      }
      boolean forever =
          l.condition() instanceof Expr.Literal lit && Boolean.TRUE.equals(lit.value());
      return !forever || f.broken;
    }
    if (s instanceof Stmt.ForEach f) {
      push(f.label());
      try {
        completesNormally(f.body());
      } finally {
        frames.pop();
      }
      return true;
    }
    if (s instanceof Stmt.Switch sw) {
      Frame f = push(Optional.empty());
      boolean any;
      try {
        any = sw.otherwise().isEmpty();
        for (Stmt.Case c : sw.cases()) {
          any |= completesNormally(c.body());
        }
        any |= completesNormally(sw.otherwise());
      } finally {
        frames.pop();
      }
      return any || f.broken;
    }
    if (s instanceof Stmt.Try t) {
      boolean any = completesNormally(t.body());
      for (Stmt.Catch c : t.catches()) {
        any |= completesNormally(c.body());
      }
      return completesNormally(t.finallyBlock()) && any;
    }
    if (s instanceof Stmt.DurableMap m) {
      lambda(s, m.body(), true);
    } else if (s instanceof Stmt.DurableParallel p) {
      p.branches().forEach(b -> lambda(s, b, true));
    } else if (s instanceof Stmt.AwaitCallback a) {
      lambda(s, a.notifier(), false);
    }
    return true;
  }

  private void lambda(Stmt s, Block body, boolean yields) {
    Deque<Frame> saved = new ArrayDeque<>(frames);
    frames.clear();
    try {
      if (completesNormally(body) && yields) {
        lambdaFallsThrough.accept(s, body);
      }
    } finally {
      frames.addAll(saved);
    }
  }

  private Frame push(Optional<String> label) {
    Frame f = new Frame(label);
    frames.push(f);
    return f;
  }
}
