package dev.statecraft.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the Lambda cases of {@code src/test/resources/lambda-conformance} (the shared corpus's
 * format, plus the test functions each case calls; the folder's README says where each behaviour is
 * recorded) with the functions as in-process handlers. {@code local-server}'s {@code
 * HttpLambdaConformanceTest} runs the same cases with the functions behind HTTP endpoints.
 */
class LambdaConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Path CASES = Path.of("src/test/resources/lambda-conformance");

  @Test
  void lambdaTasksBehaveAsRecordedOnAws() throws Exception {
    List<String> failures = new ArrayList<>();
    int n = 0;
    try (LocalEngine engine = LocalEngine.open(EngineOptions.inMemory());
        Stream<Path> files = Files.list(CASES)) {
      List<Path> cases = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertTrue(cases.size() > 0, "no cases under " + CASES);
      for (Path file : cases) {
        JsonNode testCase = JSON.readTree(file.toFile());
        for (Map.Entry<String, JsonNode> f : testCase.get("functions").properties()) {
          engine.registerLambda(f.getKey(), function(f.getValue()));
        }
        String problem = run(engine, "case" + n++, testCase);
        if (problem != null) {
          failures.add(testCase.get("name").asText() + ": " + problem);
        }
      }
    }
    assertEquals(List.of(), failures, () -> String.join("\n", failures));
  }

  /** A test function from its description (see the folder's README). */
  static RequestStreamHandler function(JsonNode spec) {
    return (in, out, context) -> {
      byte[] request = in.readAllBytes();
      if (spec.has("sleepSeconds")) {
        try {
          Thread.sleep(spec.get("sleepSeconds").asLong() * 1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
      String answer;
      if (spec.path("echo").asBoolean()) {
        answer = new String(request, StandardCharsets.UTF_8);
      } else if (spec.has("returnsRepeated")) {
        JsonNode repeated = spec.get("returnsRepeated");
        answer = repeated.get("text").asText().repeat(repeated.get("times").asInt());
      } else {
        answer = spec.path("returns").asText("");
      }
      if (spec.has("functionError")) {
        throw new LambdaFunctionException(spec.get("functionError").asText(), answer);
      }
      out.write(answer.getBytes(StandardCharsets.UTF_8));
    };
  }

  private static String run(LocalEngine engine, String name, JsonNode testCase) throws IOException {
    ExecutionResult result;
    try {
      engine.createStateMachine(name, JSON.writeValueAsString(testCase.get("definition")));
      String arn =
          engine.startExecution(name, "run", JSON.writeValueAsString(testCase.get("input")));
      result = engine.awaitResult(arn, Duration.ofSeconds(20));
    } catch (Exception e) {
      return "engine threw " + e;
    }
    JsonNode expected = testCase.get("expected");
    String status = expected.get("status").asText();
    if (!status.equals(result.status().name())) {
      return "status " + result.status() + " error=" + result.error() + " cause=" + result.cause();
    }
    if (status.equals("SUCCEEDED")) {
      JsonNode output = JSON.readTree(result.outputJson());
      return AslConformanceTest.sameJson(expected.get("output"), output)
          ? null
          : "output " + result.outputJson() + " (expected " + expected.get("output") + ")";
    }
    String error = expected.get("error").isNull() ? null : expected.get("error").asText();
    String cause = expected.get("cause").isNull() ? null : expected.get("cause").asText();
    if (!Objects.equals(error, result.error()) || !Objects.equals(cause, result.cause())) {
      return "error " + result.error() + " cause " + result.cause();
    }
    return null;
  }
}
