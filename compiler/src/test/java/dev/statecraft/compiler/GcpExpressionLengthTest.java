package dev.statecraft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Google limits an expression to 400 characters; no emitted expression is longer. */
class GcpExpressionLengthTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Google's limit on one expression, in characters. */
  private static final int LIMIT = 400;

  @Test
  void everyEmittedExpressionIsWithinGooglesLimit() throws Exception {
    List<Artifact> definitions = Corpus.endingWith("workflow.yaml");
    assertFalse(definitions.isEmpty());
    List<String> tooLong = new ArrayList<>();
    for (Artifact a : definitions) {
      collect(YAML.readTree(a.content()), a.path(), tooLong);
    }
    assertEquals(List.of(), tooLong);
  }

  @Test
  void aLongConcatenationIsBuiltInSteps() throws Exception {
    StringBuilder parts = new StringBuilder("\"start\"");
    for (int k = 0; k < 40; k++) {
      parts.append(" + \" and \" + n + k").append(k);
    }
    String source =
        "package demo;\n"
            + "import dev.statecraft.api.*;\n"
            + "@Workflow public class Long {\n"
            + "  @WorkflowMethod public String run(int n) {\n"
            + declarations()
            + "    return "
            + parts
            + ";\n  }\n}\n";
    CompilationResult result =
        StatecraftCompiler.compile(
            List.of(new SourceFile("demo/Long.java", source)), Set.of(Target.GCP));
    assertTrue(result.succeeded(), result::formattedDiagnostics);
    String yaml =
        result.artifacts().stream()
            .filter(x -> x.path().endsWith(".yaml"))
            .findFirst()
            .orElseThrow()
            .content();
    List<String> tooLong = new ArrayList<>();
    collect(YAML.readTree(yaml), "Long", tooLong);
    assertEquals(List.of(), tooLong);
    assertTrue(yaml.matches("(?s).*- text[0-9]*: .*"), yaml);
  }

  @Test
  void aLongExpressionThatCannotBeSplitIsATargetLimit() {
    StringBuilder sum = new StringBuilder("n");
    for (int k = 0; k < 120; k++) {
      sum.append(" + n");
    }
    String source =
        "package demo;\n"
            + "import dev.statecraft.api.*;\n"
            + "@Workflow public class Sum {\n"
            + "  @WorkflowMethod public int run(int n) {\n"
            + "    return "
            + sum
            + ";\n  }\n}\n";
    CompilationResult result =
        StatecraftCompiler.compile(
            List.of(new SourceFile("demo/Sum.java", source)), Set.of(Target.GCP));
    assertTrue(
        result.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.TARGET_LIMIT),
        result::formattedDiagnostics);
  }

  private static String declarations() {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < 40; k++) {
      s.append("    int k").append(k).append(" = n * ").append(k).append(";\n");
    }
    return s.toString();
  }

  private static void collect(JsonNode node, String where, List<String> out) {
    if (node.isTextual()) {
      String t = node.asText();
      if (t.startsWith("${") && t.endsWith("}") && t.length() - 3 > LIMIT) {
        out.add(where + ": " + (t.length() - 3) + " characters: " + t);
      }
    }
    node.forEach(child -> collect(child, where, out));
  }
}
