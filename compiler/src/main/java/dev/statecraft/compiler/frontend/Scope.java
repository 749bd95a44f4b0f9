package dev.statecraft.compiler.frontend;

import dev.statecraft.compiler.ir.Expr.Local;
import dev.statecraft.compiler.ir.IrType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The local variables visible at a point of a workflow body, block by block. */
final class Scope {
  private final Deque<Map<String, Local>> blocks = new ArrayDeque<>();

  Scope() {
    push();
  }

  void push() {
    blocks.push(new LinkedHashMap<>());
  }

  void pop() {
    blocks.pop();
  }

  /** Declares {@code name} in the innermost block. */
  Local declare(String name, IrType type) {
    Local local = new Local(name, type);
    blocks.peek().put(name, local);
    return local;
  }

  Optional<Local> lookup(String name) {
    for (Map<String, Local> block : blocks) {
      Local l = block.get(name);
      if (l != null) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
