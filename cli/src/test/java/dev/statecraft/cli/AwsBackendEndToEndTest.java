package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import dev.statecraft.aws.CallbackRouteHandler;
import dev.statecraft.aws.WebhookReceiverHandler;
import dev.statecraft.local.LocalEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The AWS backend end to end, on this machine: a signed Standard Webhooks delivery goes through the
 * webhook receiver Lambda handler in-process, which starts the refund-approval example with the
 * real AWS SDK's {@code StartExecution} against {@code statecraft serve}; the example's Lambda
 * handlers run in-process on the engine; the reviewer's answer goes through the callback Lambda
 * handler ({@code SendTaskSuccess}), and the refund completes with the right outcome.
 */
class AwsBackendEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REFUNDS = Cli.root().resolve("examples/refund-approval");
  private static final String SIGNING_SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("statecraft-e2e-signing-key-32by".getBytes());

  @TempDir static Path dir;
  private static ServedExample served;
  private static SfnClient sfn;
  private static WebhookReceiverHandler webhooks;
  private static CallbackRouteHandler callbacks;

  @BeforeAll
  static void deployTheExampleOnTheLocalEndpoint() {
    served = ServedExample.serve(REFUNDS, dir, "https://api.example.test/prod/callbacks", Map.of());
    sfn =
        SfnClient.builder()
            .endpointOverride(served.server().endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    webhooks =
        new WebhookReceiverHandler(
            served.manifest(),
            sfn,
            ServedExample.store(Map.of("REFUNDS_WEBHOOK_SECRET", SIGNING_SECRET)),
            Map.of(
                "STATECRAFT_STATE_MACHINE_REFUND_APPROVAL",
                LocalEngine.stateMachineArn("refund-approval")),
            served.classes());
    callbacks = new CallbackRouteHandler(served.manifest(), sfn, served.classes());
  }

  @AfterAll
  static void stop() throws Exception {
    if (sfn != null) {
      sfn.close();
    }
    if (served != null) {
      served.close();
    }
  }

  @Test
  void aSignedDeliveryStartsTheRefundAndTheReviewersAnswerCompletesIt() throws Exception {
    String body = Files.readString(REFUNDS.resolve("refund.json"));
    long now = Instant.now().getEpochSecond();
    JsonNode tampered = webhook("msg_e2e_tampered", body.replace("420.0", "4200.0"), body, now);
    assertEquals(401, tampered.path("statusCode").asInt(), tampered::toString);
    assertEquals(0, executions(), "a bad signature starts nothing");

    JsonNode accepted = webhook("msg_e2e_1", body, body, now);
    assertEquals(202, accepted.path("statusCode").asInt(), accepted::toString);
    String arn = JSON.readTree(accepted.path("body").asText()).path("executionArn").asText();
    assertEquals(LocalEngine.executionArn("refund-approval", "msg_e2e_1"), arn);
    JsonNode replayed = webhook("msg_e2e_1", body, body, now);
    assertEquals(401, replayed.path("statusCode").asInt(), "the same signed request again");
    JsonNode redelivered = webhook("msg_e2e_1", body, body, now + 30);
    assertEquals(202, redelivered.path("statusCode").asInt(), redelivered::toString);
    assertFalse(JSON.readTree(redelivered.path("body").asText()).path("started").asBoolean());
    assertEquals(1, executions(), "a redelivery starts no second execution");

    URI callback = callbackUrl(arn);
    assertEquals("/prod/callbacks/refund-approval/AwaitAskReviewer", callback.getPath());
    JsonNode misfit = answer(callback, "{\"approved\": \"yes\"}");
    assertEquals(400, misfit.path("statusCode").asInt(), misfit::toString);
    assertEquals(ExecutionStatus.RUNNING, describe(arn).status(), "the wait goes on");

    JsonNode answered =
        answer(callback, "{\"approved\": true, \"reviewer\": \"ana\", \"note\": \"loyal\"}");
    assertEquals(200, answered.path("statusCode").asInt(), answered::toString);
    DescribeExecutionResponse done =
        await(
            () -> {
              DescribeExecutionResponse d = describe(arn);
              return d.status() == ExecutionStatus.RUNNING ? null : d;
            });
    assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done::toString);
    JsonNode outcome = JSON.readTree(done.output());
    assertEquals("R-1042", outcome.path("requestId").asText());
    assertEquals("refunded", outcome.path("status").asText());
    assertEquals("medium", outcome.path("risk").asText());
    assertEquals("ana", outcome.path("decidedBy").asText());
    assertEquals("rf_a7731", outcome.path("refundId").asText());

    JsonNode late =
        answer(callback, "{\"approved\": false, \"reviewer\": \"bo\", \"note\": \"x\"}");
    assertEquals(410, late.path("statusCode").asInt(), late::toString);
    assertFalse(late.path("body").asText().contains(token(callback)), "no answer repeats a token");
  }

  /** An API Gateway proxy event for the webhook, signed over {@code signedBody}. */
  private static JsonNode webhook(String id, String body, String signedBody, long now)
      throws Exception {
    String signature = new Webhook(SIGNING_SECRET).sign(id, now, signedBody);
    ObjectNode event = JSON.createObjectNode();
    event.put("httpMethod", "POST");
    event.put("path", "/webhooks/refunds");
    event.put("resource", "/webhooks/refunds");
    ObjectNode headers = event.putObject("multiValueHeaders");
    headers.putArray("Content-Type").add("application/json");
    headers.putArray("webhook-id").add(id);
    headers.putArray("webhook-timestamp").add(Long.toString(now));
    headers.putArray("webhook-signature").add(signature);
    event.put("body", body);
    event.put("isBase64Encoded", false);
    return invoke(webhooks::handleRequest, event);
  }

  private static JsonNode answer(URI callback, String body) throws Exception {
    String[] parts = callback.getPath().split("/");
    ObjectNode event = JSON.createObjectNode();
    event.put("httpMethod", "POST");
    event.put("path", "/callbacks/" + parts[3] + "/" + parts[4]);
    event.put("resource", "/callbacks/{workflow}/{wait}");
    event.putObject("pathParameters").put("workflow", parts[3]).put("wait", parts[4]);
    event.putObject("queryStringParameters").put("token", token(callback));
    event.put("body", body);
    return invoke(callbacks::handleRequest, event);
  }

  private interface Handler {
    void handle(
        java.io.InputStream in,
        java.io.OutputStream out,
        com.amazonaws.services.lambda.runtime.Context context)
        throws java.io.IOException;
  }

  private static JsonNode invoke(Handler handler, JsonNode event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handle(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
    return JSON.readTree(out.toByteArray());
  }

  /** The callback URL the workflow handed the reviewer activity, read from the history. */
  private static URI callbackUrl(String arn) throws Exception {
    return await(
        () -> {
          for (HistoryEvent e : sfn.getExecutionHistory(b -> b.executionArn(arn)).events()) {
            if (e.taskScheduledEventDetails() != null
                && e.taskScheduledEventDetails().resource().contains("waitForTaskToken")) {
              try {
                JsonNode parameters = JSON.readTree(e.taskScheduledEventDetails().parameters());
                String url = parameters.path("Payload").path("callback").path("url").asText();
                return url.isEmpty() ? null : URI.create(url);
              } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
              }
            }
          }
          return null;
        });
  }

  private static String token(URI callback) {
    String query = callback.getRawQuery();
    return URLDecoder.decode(query.substring("token=".length()), StandardCharsets.UTF_8);
  }

  private static int executions() {
    return sfn.listExecutions(
            b -> b.stateMachineArn(LocalEngine.stateMachineArn("refund-approval")))
        .executions()
        .size();
  }

  private static DescribeExecutionResponse describe(String arn) {
    return sfn.describeExecution(b -> b.executionArn(arn));
  }

  private static <T> T await(Supplier<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("not done within 30 s");
  }
}
