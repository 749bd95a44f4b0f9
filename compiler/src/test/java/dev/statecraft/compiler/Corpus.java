package dev.statecraft.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Every example and golden case, compiled once for all targets, for the validator tests. */
final class Corpus {
  private static List<Artifact> artifacts;

  private Corpus() {}

  /** All emitted artifacts, across examples and golden cases. */
  static synchronized List<Artifact> artifacts() {
    if (artifacts == null) {
      List<Artifact> all = new ArrayList<>();
      List<Path> sources = new ArrayList<>();
      TestPaths.examples().forEach(e -> sources.add(e.resolve("src")));
      TestPaths.subfolders(TestPaths.root().resolve("compiler/src/test/golden"))
          .forEach(g -> sources.add(g.resolve("src")));
      for (Path source : sources) {
        CompilationResult r = StatecraftCompiler.compile(source, EnumSet.allOf(Target.class));
        assertTrue(r.succeeded(), () -> source + ":\n" + r.formattedDiagnostics());
        r.artifacts()
            .forEach(
                a ->
                    all.add(
                        new Artifact(
                            source.getParent().getFileName() + "/" + a.path(), a.content())));
      }
      artifacts = List.copyOf(all);
    }
    return artifacts;
  }

  /** The artifacts whose path ends with {@code suffix}. */
  static List<Artifact> endingWith(String suffix) {
    return artifacts().stream().filter(a -> a.path().endsWith(suffix)).toList();
  }
}
