package dev.statecraft.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every case of the recorded AWS corpus ({@code shared/conformance/asl/<category>/*.json}) and
 * demands that each one passes, unless {@code src/test/resources/conformance-exceptions.txt} lists
 * it with its reason. A listed case that passes fails the test too, so the list stays honest. A
 * case passes when status, output (structurally, 1 distinct from 1.0), error and cause all match.
 * The per-category counts and the failures are written to {@code target/conformance-failures.txt}.
 */
class AslConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CORPUS = Path.of("../../shared/conformance/asl");
  private static final Path EXCEPTIONS = Path.of("src/test/resources/conformance-exceptions.txt");

  /** The case files of the corpus, sorted. */
  static List<Path> corpusCases() throws IOException {
    String configured = System.getenv("STATECRAFT_SHARED");
    Path relative = CORPUS.toAbsolutePath().normalize();
    Path corpus =
        configured != null && !configured.isBlank()
            ? Path.of(configured, "conformance/asl")
            : Files.isDirectory(relative) ? relative : Path.of("/work/shared/conformance/asl");
    List<Path> cases;
    try (Stream<Path> files = Files.walk(corpus, 2)) {
      cases =
          files
              .filter(p -> p.getNameCount() > corpus.getNameCount() + 1)
              .filter(p -> p.toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertTrue(cases.size() > 0, "no conformance cases under " + corpus);
    List<String> index = Files.readAllLines(corpus.resolve("INDEX.tsv"), StandardCharsets.UTF_8);
    assertEquals(
        index.stream().filter(l -> !l.isBlank()).count(),
        cases.size(),
        "every case of " + corpus.resolve("INDEX.tsv") + " is run, none more");
    return cases;
  }

  /** Case name to reason, from the checked-in exceptions file ({@code name reason} a line). */
  static Map<String, String> exceptions() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(EXCEPTIONS, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\s+", 2);
      assertTrue(
          parts.length == 2 && !parts[1].isBlank(), "an exception needs its reason: " + line);
      assertTrue(out.put(parts[0], parts[1]) == null, "listed twice: " + parts[0]);
    }
    return out;
  }

  @Test
  void passesTheRecordedAwsCorpusExceptTheListedCases() throws Exception {
    List<Path> cases = corpusCases();
    Map<String, String> exceptions = exceptions();
    Map<String, int[]> byCategory = new TreeMap<>();
    Map<String, String> failures = new TreeMap<>();
    List<String> names = new ArrayList<>();
    try (VirtualTimeSource clock = new VirtualTimeSource(Instant.parse("2024-06-01T00:00:00Z"));
        LocalEngine engine = LocalEngine.open(EngineOptions.inMemory().withTime(clock))) {
      int n = 0;
      for (Path file : cases) {
        JsonNode testCase = JSON.readTree(file.toFile());
        String name = testCase.get("name").asText();
        names.add(name);
        String category = file.getParent().getFileName().toString();
        int[] counts = byCategory.computeIfAbsent(category, k -> new int[2]);
        counts[1]++;
        String problem = run(engine, "case" + (n++), testCase);
        if (problem == null) {
          counts[0]++;
        } else {
          failures.put(name, problem);
        }
      }
    }
    writeReport(byCategory, failures);
    List<String> unknown = new ArrayList<>(exceptions.keySet());
    unknown.removeAll(names);
    assertEquals(List.of(), unknown, "listed in " + EXCEPTIONS + " but not in the corpus");
    List<String> unexpected = new ArrayList<>();
    failures.forEach(
        (name, problem) -> {
          if (!exceptions.containsKey(name)) {
            unexpected.add(name + ": " + problem);
          }
        });
    assertEquals(
        List.of(),
        unexpected,
        () ->
            "cases fail that " + EXCEPTIONS + " does not list:\n" + String.join("\n", unexpected));
    List<String> nowPassing =
        exceptions.keySet().stream().filter(name -> !failures.containsKey(name)).toList();
    assertEquals(
        List.of(), nowPassing, "listed in " + EXCEPTIONS + " but passing now: remove them");
  }

  @Test
  void comparesIntegersAndDecimalsAsDifferentValues() throws IOException {
    assertTrue(sameJson(JSON.readTree("{\"a\":[1,2.5]}"), JSON.readTree("{\"a\":[1,2.50]}")));
    assertFalse(sameJson(JSON.readTree("1"), JSON.readTree("1.0")));
    assertFalse(sameJson(JSON.readTree("{\"a\":1}"), JSON.readTree("{\"a\":1,\"b\":2}")));
    assertFalse(sameJson(JSON.readTree("[\"x\"]"), JSON.readTree("\"x\"")));
  }

  private static void writeReport(Map<String, int[]> byCategory, Map<String, String> failures)
      throws IOException {
    StringBuilder report = new StringBuilder();
    int passed = 0;
    int total = 0;
    for (Map.Entry<String, int[]> entry : byCategory.entrySet()) {
      int[] c = entry.getValue();
      passed += c[0];
      total += c[1];
      report.append(String.format("%-22s %4d / %4d%n", entry.getKey(), c[0], c[1]));
    }
    report.append(String.format("%-22s %4d / %4d%n", "total", passed, total));
    System.out.print(report);
    Files.createDirectories(Path.of("target"));
    StringBuilder lines = new StringBuilder(report).append('\n');
    failures.forEach(
        (name, problem) -> lines.append(name).append(": ").append(problem).append('\n'));
    Files.writeString(Path.of("target/conformance-failures.txt"), lines);
  }

  private static String run(LocalEngine engine, String name, JsonNode testCase) throws IOException {
    JsonNode expected = testCase.get("expected");
    ExecutionResult result;
    try {
      engine.createStateMachine(name, JSON.writeValueAsString(testCase.get("definition")));
      String arn =
          engine.startExecution(name, "run", JSON.writeValueAsString(testCase.get("input")));
      result = engine.awaitResult(arn, Duration.ofSeconds(10));
    } catch (Exception e) {
      return "engine threw " + e;
    }
    String status = expected.get("status").asText();
    if (!status.equals(result.status().name())) {
      return "status "
          + result.status()
          + " (expected "
          + status
          + ") error="
          + result.error()
          + " cause="
          + result.cause()
          + " output="
          + result.outputJson();
    }
    if (status.equals("SUCCEEDED")) {
      JsonNode actual = JSON.readTree(result.outputJson());
      if (!sameJson(expected.get("output"), actual)) {
        return "output " + result.outputJson() + " (expected " + expected.get("output") + ")";
      }
      return null;
    }
    String error = expected.get("error").isNull() ? null : expected.get("error").asText();
    String cause = expected.get("cause").isNull() ? null : expected.get("cause").asText();
    if (!Objects.equals(error, result.error())) {
      return "error " + result.error() + " (expected " + error + ") cause=" + result.cause();
    }
    if (!Objects.equals(cause, result.cause())) {
      return "cause " + result.cause() + " (expected " + cause + ")";
    }
    return null;
  }

  /** Structural equality; numbers by value, but an integer never equals a decimal. */
  static boolean sameJson(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      if (a.isIntegralNumber() != b.isIntegralNumber()) {
        return false;
      }
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
      return false;
    }
    if (a.isObject()) {
      for (Map.Entry<String, JsonNode> field : a.properties()) {
        JsonNode other = b.get(field.getKey());
        if (other == null || !sameJson(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        if (!sameJson(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
