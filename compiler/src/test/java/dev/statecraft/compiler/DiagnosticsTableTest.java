package dev.statecraft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statecraft.compiler.diagnostic.Diagnostic;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Severity;
import dev.statecraft.compiler.diagnostic.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and unsupported workflow sources, each compiled with a shared fixture (an activities
 * interface, its implementation, a record). A comment {@code // BUG: CODE COLUMN} marks the error
 * expected on the next non-comment line, {@code // WARNING: CODE COLUMN} a warning; the test
 * demands exactly those diagnostics in the case file, none elsewhere, and no exception. A case with
 * errors must not compile; a case with only warnings must. Every {@link DiagnosticCode} has a case,
 * except the few that only a whole project or the command line can produce, each pinned by the test
 * named in {@link #PINNED_ELSEWHERE}.
 */
class DiagnosticsTableTest {
  private static final Path ROOT =
      TestPaths.root().resolve("compiler/src/test/resources/diagnostics");
  private static final Pattern MARKER =
      Pattern.compile("//\\s*(BUG|WARNING):\\s*([A-Z_]+)\\s+(\\d+)");

  /**
   * Codes no single source next to the fixture can produce, and the test that pins each one. The
   * command line reports them: javac's errors ({@code JAVA_COMPILE}) and {@code --workflow} naming
   * no workflow ({@code UNKNOWN_WORKFLOW}); {@code NO_WORKFLOW} needs sources without any workflow.
   */
  private static final Map<DiagnosticCode, String> PINNED_ELSEWHERE =
      Map.of(
          DiagnosticCode.JAVA_COMPILE,
          "cli/src/test/java/dev/statecraft/cli/CompileCommandTest.java",
          DiagnosticCode.UNKNOWN_WORKFLOW,
          "cli/src/test/java/dev/statecraft/cli/RunCommandTest.java",
          DiagnosticCode.NO_WORKFLOW,
          "compiler/src/test/java/dev/statecraft/compiler/DiagnosticsTableTest.java");

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve("cases"))) {
      return s.sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheMarkedDiagnostics(Path caseFile) {
    SourceFile source = source(caseFile);
    CompilationResult result = compileWithFixture(source);
    Set<String> expected = expected(source);
    boolean errors = expected.stream().anyMatch(e -> e.contains(" error "));
    assertEquals(
        !errors,
        result.succeeded(),
        () ->
            (errors ? "a bad source must not compile\n" : "warnings alone must compile\n")
                + result.formattedDiagnostics());
    Set<String> actual = new TreeSet<>();
    for (Diagnostic d : result.diagnostics()) {
      String where = d.position().file().displayPath();
      assertEquals(
          source.displayPath(),
          where,
          () -> "unexpected diagnostic outside the case: " + d.format());
      actual.add(marker(d.position().line(), d.position().column(), d.severity(), d.code()));
    }
    assertEquals(expected, actual, () -> result.formattedDiagnostics());
  }

  @Test
  void everyCodeHasACaseOrATestThatPinsIt() throws IOException {
    Set<DiagnosticCode> missing = EnumSet.allOf(DiagnosticCode.class);
    for (Path p : cases().toList()) {
      for (String e : expected(source(p))) {
        missing.remove(DiagnosticCode.valueOf(e.substring(e.lastIndexOf(' ') + 1)));
      }
    }
    for (Map.Entry<DiagnosticCode, String> pinned : PINNED_ELSEWHERE.entrySet()) {
      assertTrue(missing.contains(pinned.getKey()), pinned.getKey() + " has a case already");
      String test = Files.readString(TestPaths.root().resolve(pinned.getValue()));
      assertTrue(
          test.contains(pinned.getKey().name()), pinned.getValue() + " names " + pinned.getKey());
      missing.remove(pinned.getKey());
    }
    assertEquals(Set.of(), missing, "codes without a case in " + ROOT.resolve("cases"));
  }

  @Test
  void sourcesWithoutAWorkflowAreNoWorkflow() {
    CompilationResult result = StatecraftCompiler.compile(fixture(), EnumSet.allOf(Target.class));
    assertFalse(result.succeeded());
    assertEquals(
        List.of("diag/Acts.java:1:1 NO_WORKFLOW"),
        result.diagnostics().stream()
            .map(
                d ->
                    d.position().file().displayPath()
                        + ":"
                        + d.position().line()
                        + ":"
                        + d.position().column()
                        + " "
                        + d.code())
            .toList(),
        result::formattedDiagnostics);
  }

  @Test
  void formatsPathLineColumnCodeSourceLineCaretAndHint() {
    CompilationResult result =
        compileWithFixture(source(ROOT.resolve("cases/StringIdentity.java")));
    assertEquals(
        "diag/StringIdentity.java:11:12: error: [REFERENCE_EQUALITY] '==' compares references of"
            + " 'String', not values\n"
            + "    return in == \"admin\";\n"
            + "           ^\n"
            + "  hint: compare values with in.equals(\"admin\")\n",
        result.formattedDiagnostics());
  }

  @Test
  void keepsCheckingAfterTheFirstError() {
    CompilationResult result = compileWithFixture(source(ROOT.resolve("cases/Randomness.java")));
    assertEquals(3, result.diagnostics().size(), result::formattedDiagnostics);
  }

  private static CompilationResult compileWithFixture(SourceFile caseFile) {
    List<SourceFile> files = fixture();
    files.add(caseFile);
    return StatecraftCompiler.compile(files, EnumSet.allOf(Target.class));
  }

  private static List<SourceFile> fixture() {
    List<SourceFile> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(ROOT.resolve("fixture"))) {
      s.sorted().forEach(p -> files.add(source(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static String marker(int line, int column, Severity severity, DiagnosticCode code) {
    return line + ":" + column + " " + severity.name().toLowerCase(Locale.ROOT) + " " + code;
  }

  private static SourceFile source(Path p) {
    try {
      return new SourceFile("diag/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * "line:col severity CODE" for each marker, the line being the next one that is not a comment.
   */
  private static Set<String> expected(SourceFile f) {
    List<String> lines = f.text().lines().toList();
    Set<String> out = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (m.find()) {
        int target = i + 1;
        while (lines.get(target).trim().startsWith("//")) {
          target++;
        }
        Severity severity = m.group(1).equals("BUG") ? Severity.ERROR : Severity.WARNING;
        out.add(
            marker(
                target + 1,
                Integer.parseInt(m.group(3)),
                severity,
                DiagnosticCode.valueOf(m.group(2))));
      }
    }
    return out;
  }
}
