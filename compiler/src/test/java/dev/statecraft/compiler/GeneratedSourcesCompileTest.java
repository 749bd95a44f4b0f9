package dev.statecraft.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated Java (Lambda handlers, Cloud Run functions, Durable Functions classes) compiles
 * with javac together with the user's sources, against the real AWS Lambda, Functions Framework,
 * Azure Functions and durabletask libraries on the test classpath.
 */
class GeneratedSourcesCompileTest {

  static Stream<Path> sources() {
    List<Path> all = new ArrayList<>();
    TestPaths.examples().forEach(e -> all.add(e.resolve("src")));
    TestPaths.subfolders(TestPaths.root().resolve("compiler/src/test/golden"))
        .forEach(g -> all.add(g.resolve("src")));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void generatedJavaCompilesAgainstTheRealLibraries(Path source, @TempDir Path dir)
      throws IOException {
    CompilationResult result = StatecraftCompiler.compile(source, EnumSet.allOf(Target.class));
    assertTrue(result.succeeded(), result::formattedDiagnostics);
    List<File> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(source)) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toFile()));
    }
    int generated = 0;
    for (Artifact a : result.artifacts()) {
      if (a.path().endsWith(".java")) {
        Path file = dir.resolve("src").resolve(a.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, a.content(), StandardCharsets.UTF_8);
        files.add(file.toFile());
        generated++;
      }
    }
    assertTrue(
        generated >= 3, "expected a handler, a function and an Azure class, got " + generated);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Path out = Files.createDirectories(dir.resolve("classes"));
      boolean ok =
          javac
              .getTask(
                  null,
                  fm,
                  diagnostics,
                  List.of(
                      "--release",
                      "17",
                      "-proc:none",
                      "-Xlint:all",
                      "-Werror",
                      "-Xlint:-serial",
                      "-Xlint:-processing",
                      "-classpath",
                      System.getProperty("java.class.path"),
                      "-d",
                      out.toString()),
                  null,
                  fm.getJavaFileObjectsFromFiles(files))
              .call();
      String report =
          diagnostics.getDiagnostics().stream()
              .map(d -> d.toString())
              .collect(Collectors.joining("\n"));
      assertTrue(ok, report);
    }
  }
}
