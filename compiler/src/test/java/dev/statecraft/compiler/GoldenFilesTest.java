package dev.statecraft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example (examples/NAME, expected files in examples/NAME/expected) and every construct case
 * (compiler/src/test/golden/NAME/src, expected in .../expected) compiles to exactly the expected
 * artifacts for every target, and compiling twice gives identical bytes. Run with {@code
 * -Dgolden.update=true} to rewrite the expected files, then review the diff.
 */
class GoldenFilesTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Path example : TestPaths.examples()) {
      cases.add(
          Arguments.of(
              "examples/" + example.getFileName(),
              example.resolve("src"),
              example.resolve("expected")));
    }
    for (Path golden : TestPaths.subfolders(TestPaths.root().resolve("compiler/src/test/golden"))) {
      cases.add(
          Arguments.of(
              "golden/" + golden.getFileName(), golden.resolve("src"), golden.resolve("expected")));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void emitsTheExpectedArtifactsDeterministically(String name, Path sources, Path expected)
      throws IOException {
    CompilationResult first = StatecraftCompiler.compile(sources, EnumSet.allOf(Target.class));
    assertTrue(
        first.succeeded(), () -> name + " does not compile:\n" + first.formattedDiagnostics());
    Map<String, String> emitted = new TreeMap<>();
    first.artifacts().forEach(a -> emitted.put(a.path(), a.content()));

    CompilationResult second = StatecraftCompiler.compile(sources, EnumSet.allOf(Target.class));
    Map<String, String> again = new TreeMap<>();
    second.artifacts().forEach(a -> again.put(a.path(), a.content()));
    assertEquals(emitted, again, "compiling twice must give identical bytes");

    if (UPDATE) {
      rewrite(expected, emitted);
      return;
    }
    Set<String> onDisk = expectedFiles(expected);
    List<String> problems = new ArrayList<>();
    for (var e : emitted.entrySet()) {
      Path file = expected.resolve(e.getKey());
      if (!Files.exists(file)) {
        problems.add("missing expected file " + file + " (run with -Dgolden.update=true)");
      } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
        assertEquals(
            Files.readString(file, StandardCharsets.UTF_8),
            e.getValue(),
            "artifact " + e.getKey() + " of " + name);
      }
    }
    onDisk.stream()
        .filter(p -> !emitted.containsKey(p))
        .forEach(p -> problems.add("expected file no longer emitted: " + p));
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  private static Set<String> expectedFiles(Path expected) throws IOException {
    Set<String> files = new TreeSet<>();
    if (Files.isDirectory(expected)) {
      try (Stream<Path> s = Files.walk(expected)) {
        s.filter(Files::isRegularFile)
            .forEach(f -> files.add(expected.relativize(f).toString().replace('\\', '/')));
      }
    }
    return files;
  }

  private static void rewrite(Path expected, Map<String, String> emitted) throws IOException {
    if (Files.isDirectory(expected)) {
      try (Stream<Path> s = Files.walk(expected)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (var e : emitted.entrySet()) {
      Path file = expected.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
    }
  }
}
