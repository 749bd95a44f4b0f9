package dev.statecraft.compiler.diagnostic;

import java.util.Objects;

/**
 * A place in a source file; line and column are 1-based.
 *
 * @param file the file
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourcePosition(SourceFile file, int line, int column) {
  public SourcePosition {
    Objects.requireNonNull(file, "file");
  }

  @Override
  public String toString() {
    return file.displayPath() + ":" + line + ":" + column;
  }
}
