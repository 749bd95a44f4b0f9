package dev.statecraft.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where test inputs live, found from the module directory Maven runs tests in. */
public final class TestPaths {
  private TestPaths() {}

  /** The repository root: the nearest ancestor holding both pom.xml and examples/. */
  public static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null
        && !(Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("examples")))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(
          "cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  /** Every example project: a folder of examples/ with a src/ folder. */
  public static List<Path> examples() {
    return subfolders(root().resolve("examples")).stream()
        .filter(p -> Files.isDirectory(p.resolve("src")))
        .toList();
  }

  /** The direct subfolders of {@code dir}, sorted. */
  public static List<Path> subfolders(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
