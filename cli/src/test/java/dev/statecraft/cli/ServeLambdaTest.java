package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code statecraft serve --lambda NAME=URL} as a user runs it: the AWS-recorded Lambda cases
 * ({@code local-runtime/src/test/resources/lambda-conformance}) with their test functions behind an
 * HTTP endpoint that answers as the Lambda Invoke API does ({@code X-Amz-Function-Error} for a
 * function error), driven through the Step Functions JSON protocol.
 */
class ServeLambdaTest {
  private static final Path CASES =
      Cli.root().resolve("local-runtime/src/test/resources/lambda-conformance");
  private static final Pattern SERVING =
      Pattern.compile("serving the Step Functions API at (\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void servedLambdasGiveAwsRecordedResults(@TempDir Path dir) throws Exception {
    List<JsonNode> cases = new ArrayList<>();
    Map<String, JsonNode> functions = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(CASES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode testCase = JSON.readTree(file.toFile());
        cases.add(testCase);
        testCase
            .get("functions")
            .properties()
            .forEach(f -> functions.put(f.getKey(), f.getValue()));
      }
    }
    assertTrue(cases.size() > 0, "no cases under " + CASES);
    HttpServer lambdas = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    lambdas.setExecutor(Executors.newCachedThreadPool());
    lambdas.createContext("/", exchange -> answer(exchange, functions));
    lambdas.start();
    List<String> args =
        new ArrayList<>(List.of("serve", "--port", "0", "--state-dir", dir.toString()));
    for (String name : functions.keySet()) {
      args.add("--lambda");
      args.add(name + "=http://localhost:" + lambdas.getAddress().getPort() + "/" + name);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving =
        new Thread(
            () ->
                exit.set(
                    Main.run(
                        args.toArray(String[]::new),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))));
    serving.start();
    List<String> failures = new ArrayList<>();
    try {
      String endpoint = endpoint(out, err);
      int n = 0;
      for (JsonNode testCase : cases) {
        String problem = run(endpoint, "case" + n++, testCase);
        if (problem != null) {
          failures.add(testCase.get("name").asText() + ": " + problem);
        }
      }
    } finally {
      serving.interrupt();
      serving.join(30_000);
      lambdas.stop(0);
    }
    assertEquals(List.of(), failures, () -> String.join("\n", failures));
    assertEquals(Main.OK, exit.get(), () -> "out:\n" + out + "\nerr:\n" + err);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, Map<String, JsonNode> fs)
      throws IOException {
    try (exchange) {
      byte[] request = exchange.getRequestBody().readAllBytes();
      JsonNode spec = fs.get(exchange.getRequestURI().getPath().substring(1));
      if (spec.has("sleepSeconds")) {
        try {
          Thread.sleep(spec.get("sleepSeconds").asLong() * 1000);
        } catch (InterruptedException e) {
          return;
        }
      }
      byte[] body;
      if (spec.path("echo").asBoolean()) {
        body = request;
      } else if (spec.has("returnsRepeated")) {
        JsonNode r = spec.get("returnsRepeated");
        body =
            r.get("text").asText().repeat(r.get("times").asInt()).getBytes(StandardCharsets.UTF_8);
      } else {
        body = spec.path("returns").asText("").getBytes(StandardCharsets.UTF_8);
      }
      if (spec.has("functionError")) {
        exchange
            .getResponseHeaders()
            .add("X-Amz-Function-Error", spec.get("functionError").asText());
      }
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static String run(String endpoint, String name, JsonNode testCase) throws Exception {
    ObjectNode create = JSON.createObjectNode();
    create.put("name", name);
    create.put("definition", JSON.writeValueAsString(testCase.get("definition")));
    create.put("roleArn", "arn:aws:iam::000000000000:role/test");
    String machine = call(endpoint, "CreateStateMachine", create).path("stateMachineArn").asText();
    ObjectNode start = JSON.createObjectNode();
    start.put("stateMachineArn", machine);
    start.put("input", JSON.writeValueAsString(testCase.get("input")));
    String execution = call(endpoint, "StartExecution", start).path("executionArn").asText();
    ObjectNode describe = JSON.createObjectNode().put("executionArn", execution);
    JsonNode d = call(endpoint, "DescribeExecution", describe);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (d.path("status").asText().equals("RUNNING") && System.nanoTime() < deadline) {
      Thread.sleep(20);
      d = call(endpoint, "DescribeExecution", describe);
    }
    JsonNode expected = testCase.get("expected");
    if (!expected.get("status").asText().equals(d.path("status").asText())) {
      return "status " + d;
    }
    if (d.path("status").asText().equals("SUCCEEDED")) {
      JsonNode output = JSON.readTree(d.path("output").asText());
      boolean same =
          expected.get("output").equals(output)
              && (!output.isNumber()
                  || output.isIntegralNumber() == expected.get("output").isIntegralNumber());
      return same ? null : "output " + output + " (expected " + expected.get("output") + ")";
    }
    String error = expected.get("error").isNull() ? null : expected.get("error").asText();
    String cause = expected.get("cause").isNull() ? null : expected.get("cause").asText();
    String actualError = d.has("error") ? d.get("error").asText() : null;
    String actualCause = d.has("cause") ? d.get("cause").asText() : null;
    return Objects.equals(error, actualError) && Objects.equals(cause, actualCause)
        ? null
        : "error " + actualError + " cause " + actualCause;
  }

  private static String endpoint(StringWriter out, StringWriter err) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      Matcher m = SERVING.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve did not start; out:\n" + out + "\nerr:\n" + err);
  }

  private static JsonNode call(String endpoint, String operation, JsonNode body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AWSStepFunctions." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response::body);
    return JSON.readTree(response.body());
  }
}
