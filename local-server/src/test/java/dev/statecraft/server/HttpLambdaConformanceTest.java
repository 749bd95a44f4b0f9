package dev.statecraft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * Runs the AWS-recorded Lambda cases ({@code local-runtime/src/test/resources/lambda-conformance})
 * as a user of {@code statecraft serve --lambda NAME=URL} would: the test functions are HTTP
 * endpoints that answer like the Lambda Invoke API, and the AWS SDK creates, starts and describes
 * each execution. Status, output, error and cause must all match.
 */
class HttpLambdaConformanceTest {
  static final Path CASES = Path.of("../local-runtime/src/test/resources/lambda-conformance");

  @TempDir Path dir;

  static List<JsonNode> cases() throws IOException {
    List<JsonNode> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(CASES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        cases.add(LocalSfn.JSON.readTree(file.toFile()));
      }
    }
    assertTrue(cases.size() > 0, "no cases under " + CASES.toAbsolutePath());
    return cases;
  }

  @Test
  void servedLambdasBehaveAsOnAws() throws Exception {
    List<JsonNode> cases = cases();
    List<String> failures = new ArrayList<>();
    try (TestLambdaEndpoint endpoint = new TestLambdaEndpoint()) {
      StepFunctionsServer.Options options = StepFunctionsServer.Options.defaults();
      for (JsonNode testCase : cases) {
        for (Map.Entry<String, JsonNode> f : testCase.get("functions").properties()) {
          endpoint.define(f.getKey(), f.getValue());
          options = options.withHttpLambda(f.getKey(), endpoint.url(f.getKey()));
        }
      }
      try (LocalSfn local = new LocalSfn(dir, options)) {
        int n = 0;
        for (JsonNode testCase : cases) {
          String problem = run(local, "case" + n++, testCase);
          if (problem != null) {
            failures.add(testCase.get("name").asText() + ": " + problem);
          }
        }
      }
    }
    assertEquals(List.of(), failures, () -> String.join("\n", failures));
  }

  private static String run(LocalSfn local, String name, JsonNode testCase) throws Exception {
    String machine =
        local.create(name, LocalSfn.JSON.writeValueAsString(testCase.get("definition")));
    DescribeExecutionResponse d =
        local.await(
            local.start(machine, "run", LocalSfn.JSON.writeValueAsString(testCase.get("input"))));
    JsonNode expected = testCase.get("expected");
    String status = expected.get("status").asText();
    if (!status.equals(d.statusAsString())) {
      return "status " + d.statusAsString() + " error=" + d.error() + " cause=" + d.cause();
    }
    if (status.equals("SUCCEEDED")) {
      JsonNode output = LocalSfn.parse(d.output());
      return expected.get("output").equals(output) && sameNumbers(expected.get("output"), output)
          ? null
          : "output " + d.output() + " (expected " + expected.get("output") + ")";
    }
    String error = expected.get("error").isNull() ? null : expected.get("error").asText();
    String cause = expected.get("cause").isNull() ? null : expected.get("cause").asText();
    if (!Objects.equals(error, d.error()) || !Objects.equals(cause, d.cause())) {
      return "error "
          + d.error()
          + " cause "
          + d.cause()
          + " (expected "
          + error
          + ", "
          + cause
          + ")";
    }
    return null;
  }

  /** Jackson's equals already tells 1 from 1.0 for top-level numbers; keep it explicit. */
  private static boolean sameNumbers(JsonNode a, JsonNode b) {
    return !a.isNumber() || a.isIntegralNumber() == b.isIntegralNumber();
  }
}
