package dev.statecraft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statecraft.compiler.diagnostic.Diagnostic;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
 * interface, its implementation, a record). A comment {@code // BUG: CODE COLUMN} marks the
 * diagnostic expected on the next non-comment line; the test demands exactly those diagnostics in
 * the case file, none elsewhere, and no exception.
 */
class DiagnosticsTableTest {
  private static final Path ROOT =
      TestPaths.root().resolve("compiler/src/test/resources/diagnostics");
  private static final Pattern BUG = Pattern.compile("//\\s*BUG:\\s*([A-Z_]+)\\s+(\\d+)");

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
    assertFalse(result.succeeded(), "a bad source must not compile");
    Set<String> actual = new TreeSet<>();
    for (Diagnostic d : result.diagnostics()) {
      String where = d.position().file().displayPath();
      assertEquals(
          source.displayPath(),
          where,
          () -> "unexpected diagnostic outside the case: " + d.format());
      actual.add(d.position().line() + ":" + d.position().column() + " " + d.code());
    }
    assertEquals(expected(source), actual, () -> result.formattedDiagnostics());
  }

  @Test
  void coversAtLeastTwentyCasesAndCodes() throws IOException {
    List<Path> all = cases().toList();
    Set<String> codes = new TreeSet<>();
    for (Path p : all) {
      expected(source(p)).forEach(e -> codes.add(e.substring(e.indexOf(' ') + 1)));
    }
    assertTrue(all.size() >= 20, "cases: " + all.size());
    assertTrue(codes.size() >= 20, "distinct codes: " + codes);
    codes.forEach(DiagnosticCode::valueOf);
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
    List<SourceFile> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(ROOT.resolve("fixture"))) {
      s.sorted().forEach(p -> files.add(source(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.add(caseFile);
    return StatecraftCompiler.compile(files, EnumSet.allOf(Target.class));
  }

  private static SourceFile source(Path p) {
    try {
      return new SourceFile("diag/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "line:col CODE" for each marker, the line being the next one that is not a comment. */
  private static Set<String> expected(SourceFile f) {
    List<String> lines = f.text().lines().toList();
    Set<String> out = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = BUG.matcher(lines.get(i));
      if (m.find()) {
        int target = i + 1;
        while (lines.get(target).trim().startsWith("//")) {
          target++;
        }
        out.add((target + 1) + ":" + m.group(2) + " " + m.group(1));
      }
    }
    return out;
  }
}
