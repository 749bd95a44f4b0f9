package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code statecraft serve --source}: the project's workflows become state machines behind the Step
 * Functions API, its activities Lambda functions, and its callbacks come back to the server.
 */
class ServeCommandTest {
  private static final Path PROJECT = Cli.root().resolve("cli/src/test/resources/projects/review");
  private static final Pattern SERVING =
      Pattern.compile("serving the Step Functions API at (\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void servesTheProjectsWorkflowsAndTheirCallbacksUntilInterrupted(@TempDir Path dir)
      throws Exception {
    Path callbacks = dir.resolve("callbacks.txt");
    System.setProperty("statecraft.test.callbacks", callbacks.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    String[] args = {
      "serve",
      "--port",
      "0",
      "--state-dir",
      dir.resolve("state").toString(),
      "--source",
      PROJECT.toString()
    };
    Thread serving =
        new Thread(
            () -> exit.set(Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true))));
    serving.start();
    try {
      Supplier<String> printed = () -> "out:\n" + out + "\nerr:\n" + err;
      String endpoint =
          await(
              () -> {
                Matcher m = SERVING.matcher(out.toString());
                return m.find() ? m.group(1) : null;
              },
              printed);

      JsonNode machines = call(endpoint, "ListStateMachines", "{}");
      List<String> names = machines.path("stateMachines").findValuesAsText("name");
      assertTrue(names.containsAll(List.of("review", "stamp")), machines::toString);

      String reviewArn = "arn:aws:states:us-east-1:000000000000:stateMachine:review";
      HttpResponse<String> notADraft =
          send(
              endpoint,
              "StartExecution",
              "{\"stateMachineArn\":\"" + reviewArn + "\",\"name\":\"r0\",\"input\":\"5\"}");
      assertEquals(400, notADraft.statusCode(), notADraft::body);
      JsonNode refused = JSON.readTree(notADraft.body());
      assertEquals("InvalidExecutionInput", refused.path("__type").asText(), refused::toString);
      assertTrue(
          refused.path("message").asText().contains("workflow 'review' does not fit String"),
          refused::toString);
      JsonNode started =
          call(
              endpoint,
              "StartExecution",
              "{\"stateMachineArn\":\""
                  + reviewArn
                  + "\",\"name\":\"r1\",\"input\":\"\\\"draft-1\\\"\"}");
      String execution = started.path("executionArn").asText();

      String callbackUrl =
          await(
              () -> {
                try {
                  return Files.exists(callbacks) && !Files.readString(callbacks).isBlank()
                      ? Files.readString(callbacks).lines().findFirst().orElseThrow()
                      : null;
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              },
              printed);
      assertTrue(
          callbackUrl.startsWith(endpoint + "/callbacks/review/AwaitAsk?token="), callbackUrl);
      HttpResponse<String> misfit =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(callbackUrl))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"approved\":\"yes\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(400, misfit.statusCode(), misfit.body());
      assertTrue(misfit.body().contains("the wait goes on"), misfit.body());
      HttpResponse<String> answered =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(callbackUrl))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"approved\":true,\"by\":\"ada\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answered.statusCode(), answered.body());

      JsonNode done =
          await(
              () -> {
                JsonNode d =
                    call(endpoint, "DescribeExecution", "{\"executionArn\":\"" + execution + "\"}");
                return d.path("status").asText().equals("RUNNING") ? null : d;
              },
              printed);
      assertEquals("SUCCEEDED", done.path("status").asText(), done::toString);
      assertEquals("\"APPROVED: draft-1 by ada\"", done.path("output").asText());
      JsonNode children =
          call(
              endpoint,
              "ListExecutions",
              "{\"stateMachineArn\":\"arn:aws:states:us-east-1:000000000000:stateMachine:stamp\"}");
      assertEquals(1, children.path("executions").size(), children::toString);
    } finally {
      serving.interrupt();
      serving.join(30_000);
      System.clearProperty("statecraft.test.callbacks");
    }
    assertFalse(serving.isAlive());
    assertEquals(Main.OK, exit.get(), () -> "out:\n" + out + "\nerr:\n" + err);
    assertTrue(out.toString().contains("statecraft: stopped"), out::toString);
  }

  @Test
  void aPortInUseIsAUsageError(@TempDir Path dir) throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      Cli r =
          Cli.run(
              "serve",
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--state-dir",
              dir.toString());
      assertEquals(Main.USAGE, r.exitCode(), r::toString);
      assertTrue(r.err().contains("cannot serve on"), r::toString);
    }
  }

  private static JsonNode call(String endpoint, String operation, String body) {
    HttpResponse<String> response = send(endpoint, operation, body);
    assertEquals(200, response.statusCode(), response::body);
    try {
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> send(String endpoint, String operation, String body) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(endpoint))
              .header("Content-Type", "application/x-amz-json-1.0")
              .header("X-Amz-Target", "AWSStepFunctions." + operation)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T await(Supplier<T> probe, Supplier<String> context)
      throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting; " + context.get());
  }
}
