package dev.statecraft.compiler.ir;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Hands out names that never collide with each other or with reserved ones: the first request for
 * {@code "x"} gets {@code x}, the next {@code x2}, then {@code x3}; the spelling of the suffix is
 * the caller's. Deterministic: the same requests in the same order give the same names.
 */
public final class UniqueNames {
  private final Set<String> taken = new HashSet<>();

  /** Names that avoid every local and the parameter of {@code wf}, for a pass adding locals. */
  public static UniqueNames avoiding(WorkflowIr wf) {
    UniqueNames names = new UniqueNames().reserve(IrWalk.localNames(wf.body()));
    wf.input().ifPresent(p -> names.reserve(List.of(p.name())));
    return names;
  }

  /** Names that may not be handed out. */
  public UniqueNames reserve(Iterable<String> names) {
    names.forEach(taken::add);
    return this;
  }

  /** A fresh name from {@code base}, suffixed {@code base2}, {@code base3}... if taken. */
  public String next(String base) {
    return next(base, n -> base + n);
  }

  /** A fresh name: {@code base} if free, else {@code withSuffix(2)}, {@code withSuffix(3)}... */
  public String next(String base, IntFunction<String> withSuffix) {
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = withSuffix.apply(n);
    }
    return name;
  }
}
