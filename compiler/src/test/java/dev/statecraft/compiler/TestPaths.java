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

  /**
   * The shared reference folder ({@code shared/}: schemas, conformance cases): {@code
   * $STATECRAFT_SHARED} when set, else {@code ../shared} beside the repository, else {@code
   * /work/shared}, where the build machine keeps it for clones made elsewhere.
   */
  public static Path shared() {
    String configured = System.getenv("STATECRAFT_SHARED");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path beside = root().getParent().resolve("shared");
    return Files.isDirectory(beside) ? beside : Path.of("/work/shared");
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
