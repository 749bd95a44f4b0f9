package dev.statecraft.compiler.ir;

import java.util.List;

/** A sequence of statements. */
public record Block(List<Stmt> statements) {
  public static final Block EMPTY = new Block(List.of());

  public Block {
    statements = List.copyOf(statements);
  }

  public boolean isEmpty() {
    return statements.isEmpty();
  }
}
