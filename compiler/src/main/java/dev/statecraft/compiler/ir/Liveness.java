package dev.statecraft.compiler.ir;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which locals are live (read later before being reassigned) on entry to each statement. Back ends
 * use it to store only what later code reads: on AWS every assigned variable is state payload.
 *
 * <p>Loops iterate to a fixed point; {@code break} and {@code continue} take the live set of their
 * target; inside {@code try}, everything a handler or the {@code finally} block reads stays live,
 * since an error may jump there from any statement. Lambda bodies (map iterations, parallel
 * branches, callback notifiers) are analysed on their own: they end in a {@code Yield}.
 */
public final class Liveness {
  private record Target(
      boolean loop, Optional<String> label, Set<String> breakOut, Set<String> continueIn) {}

  private final Map<Stmt, Set<String>> liveIn = new IdentityHashMap<>();
  private final Map<Stmt, Set<String>> liveAtCheck = new IdentityHashMap<>();
  private final Deque<Target> targets = new ArrayDeque<>();
  private final Deque<Set<String>> exceptional = new ArrayDeque<>();

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

  /** The locals live where a loop checks its condition. */
  public Set<String> liveAtCheck(Stmt.Loop loop) {
    Set<String> live = liveAtCheck.get(loop);
    if (live == null) {
      throw new IllegalStateException("loop not in the analysed body: " + loop);
    }
    return live;
  }

  private Set<String> block(Block b, Set<String> out) {
    Set<String> live = out;
    List<Stmt> statements = b.statements();
    for (int i = statements.size() - 1; i >= 0; i--) {
      live = statement(statements.get(i), live);
      for (Set<String> e : exceptional) {
        Set<String> widened = new HashSet<>(live);
        widened.addAll(e);
        live = Set.copyOf(widened);
      }
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
    } else if (s instanceof Stmt.Yield y) {
      reads(y.value(), in);
    } else if (s instanceof Stmt.Loop l) {
      in.addAll(loop(l, out));
    } else if (s instanceof Stmt.ForEach f) {
      in.addAll(forEach(f, out));
    } else if (s instanceof Stmt.Break b) {
      in.addAll(target(b.label(), false).breakOut());
    } else if (s instanceof Stmt.Continue c) {
      in.addAll(target(c.label(), true).continueIn());
    } else if (s instanceof Stmt.Switch sw) {
      targets.push(new Target(false, Optional.empty(), out, Set.of()));
      try {
        sw.cases().forEach(c -> in.addAll(block(c.body(), out)));
        in.addAll(block(sw.otherwise(), out));
      } finally {
        targets.pop();
      }
      reads(sw.selector(), in);
    } else if (s instanceof Stmt.Try t) {
      in.addAll(tryStatement(t, out));
    } else if (s instanceof Stmt.DurableMap m) {
      in.addAll(out);
      m.target().ifPresent(t -> in.remove(t.name()));
      Set<String> body = new HashSet<>(isolated(m.body()));
      body.remove(m.item().name());
      in.addAll(body);
      reads(m.items(), in);
    } else if (s instanceof Stmt.DurableParallel p) {
      in.addAll(out);
      p.target().ifPresent(t -> in.remove(t.name()));
      p.branches().forEach(b -> in.addAll(isolated(b)));
    } else if (s instanceof Stmt.Sleep w) {
      in.addAll(out);
      reads(w.seconds(), in);
    } else if (s instanceof Stmt.AwaitCallback a) {
      in.addAll(out);
      a.target().ifPresent(t -> in.remove(t.name()));
      Set<String> notify = new HashSet<>(isolated(a.notifier()));
      notify.remove(a.callback().name());
      in.addAll(notify);
      reads(a.timeoutSeconds(), in);
    } else if (s instanceof Stmt.StartChild c) {
      in.addAll(out);
      c.target().ifPresent(t -> in.remove(t.name()));
      c.input().ifPresent(e -> reads(e, in));
    } else {
      throw new IllegalStateException("Liveness does not handle " + s.getClass().getSimpleName());
    }
    return Set.copyOf(in);
  }

  /** A lambda body, analysed apart from the enclosing code's jumps and handlers. */
  private Set<String> isolated(Block body) {
    Deque<Target> savedTargets = new ArrayDeque<>(targets);
    Deque<Set<String>> savedExceptional = new ArrayDeque<>(exceptional);
    targets.clear();
    exceptional.clear();
    try {
      return block(body, Set.of());
    } finally {
      targets.addAll(savedTargets);
      exceptional.addAll(savedExceptional);
    }
  }

  private Target target(Optional<String> label, boolean loopOnly) {
    for (Target t : targets) {
      if (label.isPresent() ? t.label().equals(label) : (t.loop() || !loopOnly)) {
        return t;
      }
    }
    throw new IllegalStateException("jump without a target: " + label);
  }

  private Set<String> loop(Stmt.Loop l, Set<String> out) {
    Set<String> check = new HashSet<>(out);
    reads(l.condition(), check);
    Set<String> bodyIn = Set.of();
    for (int round = 0; round < 100; round++) {
      // The update may end the loop: a do/while whose condition calls an activity checks it
      // there, with a break (HoistActivityCalls).
      targets.push(new Target(true, l.label(), out, Set.copyOf(check)));
      Set<String> updateIn;
      try {
        updateIn = block(l.update(), Set.copyOf(check));
      } finally {
        targets.pop();
      }
      targets.push(new Target(true, l.label(), out, updateIn));
      try {
        bodyIn = block(l.body(), updateIn);
      } finally {
        targets.pop();
      }
      Set<String> next = new HashSet<>(out);
      reads(l.condition(), next);
      next.addAll(bodyIn);
      if (next.equals(check)) {
        break;
      }
      check = next;
    }
    liveAtCheck.put(l, Set.copyOf(check));
    return l.testFirst() ? check : bodyIn;
  }

  private Set<String> forEach(Stmt.ForEach f, Set<String> out) {
    Set<String> header = new HashSet<>(out);
    for (int round = 0; round < 100; round++) {
      targets.push(new Target(true, f.label(), out, Set.copyOf(header)));
      Set<String> bodyIn;
      try {
        bodyIn = block(f.body(), Set.copyOf(header));
      } finally {
        targets.pop();
      }
      Set<String> next = new HashSet<>(out);
      next.addAll(bodyIn);
      next.remove(f.variable().name());
      if (next.equals(header)) {
        break;
      }
      header = next;
    }
    Set<String> in = new HashSet<>(header);
    reads(f.iterable(), in);
    return in;
  }

  private Set<String> tryStatement(Stmt.Try t, Set<String> out) {
    Set<String> finallyIn = block(t.finallyBlock(), out);
    Set<String> handlers = new HashSet<>(finallyIn);
    for (Stmt.Catch c : t.catches()) {
      Set<String> h = new HashSet<>(block(c.body(), finallyIn));
      c.error().ifPresent(e -> h.remove(e.name()));
      c.message().ifPresent(e -> h.remove(e.name()));
      handlers.addAll(h);
    }
    exceptional.push(Set.copyOf(handlers));
    try {
      Set<String> in = new HashSet<>(block(t.body(), finallyIn));
      in.addAll(handlers);
      return in;
    } finally {
      exceptional.pop();
    }
  }

  /** Adds the locals {@code e} reads to {@code into}. */
  public static void reads(Expr e, Set<String> into) {
    if (e instanceof Expr.Local l) {
      into.add(l.name());
    }
    e.children().forEach(c -> reads(c, into));
  }
}
