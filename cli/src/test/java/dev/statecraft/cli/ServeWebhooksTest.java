package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.statecraft.local.ExecutionResult;
import dev.statecraft.local.ExecutionStatus;
import dev.statecraft.local.LocalEngine;
import dev.statecraft.server.StepFunctionsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s webhook route, over HTTP as a sender (or curl) reaches it: the same verification
 * as on AWS, and a verified delivery starts the workflow on the engine.
 */
class ServeWebhooksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Path TRIAGE = Cli.root().resolve("examples/support-triage");
  private static final String SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("tickets-signing-key-for-serve-32".getBytes());

  @TempDir static Path dir;
  private static ServedExample served;
  private static StepFunctionsServer server;

  @BeforeAll
  static void serveTheExample() {
    served = ServedExample.serve(TRIAGE, dir, null, Map.of("TICKETS_WEBHOOK_SECRET", SECRET));
    server = served.server();
  }

  @AfterAll
  static void stop() throws Exception {
    if (served != null) {
      served.close();
    }
  }

  private static HttpResponse<String> post(String id, String body, String signedBody)
      throws Exception {
    long now = Instant.now().getEpochSecond();
    String signature = new Webhook(SECRET).sign(id, now, signedBody);
    return HTTP.send(
        HttpRequest.newBuilder(server.webhookUrl("tickets"))
            .header("Content-Type", "application/json")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(now))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignedTicketStartsTheTriageUnderItsDeliveryId() throws Exception {
    String ticket = Files.readString(TRIAGE.resolve("ticket.json"));
    HttpResponse<String> r = post("msg_serve_1", ticket, ticket);
    assertEquals(202, r.statusCode(), r.body());
    String arn = JSON.readTree(r.body()).path("executionArn").asText();
    assertEquals(LocalEngine.executionArn("support-triage", "msg_serve_1"), arn);
    ExecutionResult done = server.engine().awaitResult(arn, Duration.ofSeconds(30));
    assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done::toString);
    JsonNode output = JSON.readTree(done.outputJson());
    assertTrue(output.path("model").asText().startsWith("local-stand-in"), output::toString);
  }

  @Test
  void badDeliveriesStartNothing() throws Exception {
    String ticket = Files.readString(TRIAGE.resolve("ticket.json"));
    assertEquals(401, post("msg_serve_bad", ticket.replace("a", "b"), ticket).statusCode());
    HttpResponse<String> misfit = post("msg_serve_misfit", "[1, 2]", "[1, 2]");
    assertEquals(400, misfit.statusCode(), misfit.body());
    String huge = "{\"id\": \"t\", \"subject\": \"s\", \"body\": \"" + "x".repeat(300_000) + "\"}";
    assertEquals(413, post("msg_serve_huge", huge, huge).statusCode());
    HttpResponse<String> unknown =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + "/webhooks/nope"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, unknown.statusCode());
    for (String id : new String[] {"msg_serve_bad", "msg_serve_misfit", "msg_serve_huge"}) {
      assertTrue(
          server.engine().describe(LocalEngine.executionArn("support-triage", id)).isEmpty(), id);
    }
  }
}
