package dev.statecraft.compiler;

import java.util.Objects;

/**
 * One emitted file.
 *
 * @param path where it goes under the output directory, with forward slashes
 * @param content its text
 */
public record Artifact(String path, String content) {
  public Artifact {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }
}
