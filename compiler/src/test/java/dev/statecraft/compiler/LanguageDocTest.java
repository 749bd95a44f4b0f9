package dev.statecraft.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/language.md documents every diagnostic code, with an example. */
class LanguageDocTest {
  @Test
  void everyDiagnosticCodeHasARowInTheLanguageDoc() throws Exception {
    String doc = Files.readString(TestPaths.root().resolve("docs/language.md"));
    for (DiagnosticCode code : DiagnosticCode.values()) {
      assertTrue(
          doc.contains("| `" + code + "` |"), () -> "docs/language.md has no row for " + code);
    }
  }
}
