package dev.statecraft.compiler.diagnostic;

import java.util.List;
import java.util.Objects;

/**
 * A source file as the compiler read it.
 *
 * @param displayPath the path diagnostics print (as the user named it, not absolute)
 * @param text the file's contents
 */
public record SourceFile(String displayPath, String text) {
  public SourceFile {
    Objects.requireNonNull(displayPath, "displayPath");
    Objects.requireNonNull(text, "text");
  }

  /** Line {@code n} (1-based) without its line terminator, or empty past the end. */
  public String line(int n) {
    List<String> lines = text.lines().toList();
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
  }
}
