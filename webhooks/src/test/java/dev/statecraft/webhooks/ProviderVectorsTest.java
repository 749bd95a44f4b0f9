package dev.statecraft.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.api.WebhookScheme;
import dev.statecraft.api.spi.SecretStore;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.WebhookSpec;
import dev.statecraft.manifest.WorkflowSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The examples each provider publishes, verified exactly, at a clock fixed to their timestamp. */
class ProviderVectorsTest {
  // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
  private static final String GITHUB_SECRET = "It's a Secret to Everybody";
  private static final String GITHUB_PAYLOAD = "Hello, World!";
  private static final String GITHUB_SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  // https://api.slack.com/authentication/verifying-requests-from-slack
  private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final long SLACK_TIMESTAMP = 1531420618L;
  private static final String SLACK_BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
          + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
          + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554"
          + "%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  private static final String SLACK_SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  // The Standard Webhooks / Svix libraries' test vector.
  private static final String STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String STANDARD_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long STANDARD_TIMESTAMP = 1614265330L;
  private static final String STANDARD_PAYLOAD = "{\"test\": 2432232314}";
  private static final String STANDARD_SIGNATURE =
      "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  private static WebhookRequest request(String body, String... headers) {
    WebhookRequest.Builder b =
        WebhookRequest.builder("POST").body(body.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b.build();
  }

  private static WebhookVerifier verifier(WebhookScheme scheme, String secret, Clock clock) {
    return WebhookVerifier.of(scheme, List.of(secret), Duration.ofMinutes(5), clock);
  }

  @Test
  void theTestsOwnHmacReproducesEveryPublishedSignature() {
    assertEquals(GITHUB_SIGNATURE, Signing.github(GITHUB_SECRET, GITHUB_PAYLOAD));
    assertEquals(SLACK_SIGNATURE, Signing.slack(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_BODY));
    assertEquals(
        STANDARD_SIGNATURE,
        Signing.standard(STANDARD_SECRET, STANDARD_ID, STANDARD_TIMESTAMP, STANDARD_PAYLOAD));
  }

  @Test
  void gitHubDocsExample() {
    WebhookVerifier verifier = verifier(WebhookScheme.GITHUB, GITHUB_SECRET, at(0));

    WebhookVerifier.Verification good =
        verifier.verify(
            request(
                GITHUB_PAYLOAD,
                "X-Hub-Signature-256",
                GITHUB_SIGNATURE,
                "X-GitHub-Delivery",
                "d1"));
    WebhookVerifier.Verification bad =
        verifier.verify(
            request(
                "Hello, World?",
                "X-Hub-Signature-256",
                GITHUB_SIGNATURE,
                "X-GitHub-Delivery",
                "d1"));

    assertTrue(good.verified(), good.toString());
    assertEquals(Optional.of("d1"), good.deliveryId());
    assertTrue(good.signedAt().isEmpty());
    assertFalse(bad.verified());
  }

  @Test
  void slackDocsExample() {
    WebhookVerifier verifier = verifier(WebhookScheme.SLACK, SLACK_SECRET, at(SLACK_TIMESTAMP));

    WebhookVerifier.Verification good =
        verifier.verify(
            request(
                SLACK_BODY,
                "X-Slack-Request-Timestamp",
                Long.toString(SLACK_TIMESTAMP),
                "X-Slack-Signature",
                SLACK_SIGNATURE));
    WebhookVerifier.Verification otherTime =
        verifier.verify(
            request(
                SLACK_BODY,
                "X-Slack-Request-Timestamp",
                Long.toString(SLACK_TIMESTAMP + 1),
                "X-Slack-Signature",
                SLACK_SIGNATURE));

    assertTrue(good.verified(), good.toString());
    assertEquals(SLACK_TIMESTAMP, good.signedAt().getAsLong());
    assertFalse(otherTime.verified());
  }

  @Test
  void standardWebhooksTestVector() {
    WebhookVerifier verifier =
        verifier(WebhookScheme.STANDARD_WEBHOOKS, STANDARD_SECRET, at(STANDARD_TIMESTAMP));

    WebhookVerifier.Verification good =
        verifier.verify(
            request(
                STANDARD_PAYLOAD,
                "webhook-id",
                STANDARD_ID,
                "webhook-timestamp",
                Long.toString(STANDARD_TIMESTAMP),
                "webhook-signature",
                STANDARD_SIGNATURE));
    WebhookVerifier.Verification otherId =
        verifier.verify(
            request(
                STANDARD_PAYLOAD,
                "webhook-id",
                STANDARD_ID + "x",
                "webhook-timestamp",
                Long.toString(STANDARD_TIMESTAMP),
                "webhook-signature",
                STANDARD_SIGNATURE));

    assertTrue(good.verified(), good.toString());
    assertEquals(Optional.of(STANDARD_ID), good.deliveryId());
    assertFalse(otherId.verified());
  }

  @Test
  void standardWebhooksSecretWithoutItsPrefixIsTheSameKey() {
    WebhookVerifier verifier =
        verifier(
            WebhookScheme.STANDARD_WEBHOOKS,
            STANDARD_SECRET.substring("whsec_".length()),
            at(STANDARD_TIMESTAMP));

    assertTrue(
        verifier
            .verify(
                request(
                    STANDARD_PAYLOAD,
                    "webhook-id",
                    STANDARD_ID,
                    "webhook-timestamp",
                    Long.toString(STANDARD_TIMESTAMP),
                    "webhook-signature",
                    STANDARD_SIGNATURE))
            .verified());
  }

  @Test
  void slackDocsExampleThroughTheReceiverStartsTheSlashCommand() throws Exception {
    RecordingStarter starter = new RecordingStarter();
    WebhookReceiver receiver =
        receiver(
            WebhookScheme.SLACK, "SLACK_SIGNING_SECRET", SLACK_SECRET, starter, SLACK_TIMESTAMP);

    WebhookResponse response =
        receiver.receive(
            "hook",
            request(
                SLACK_BODY,
                "Content-Type",
                "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp",
                Long.toString(SLACK_TIMESTAMP),
                "X-Slack-Signature",
                SLACK_SIGNATURE));

    assertEquals(202, response.status(), response.body());
    JsonNode input = new ObjectMapper().readTree(starter.onlyCall().input());
    assertEquals("/webhook-collect", input.get("command").asText());
    assertEquals("", input.get("text").asText());
    assertEquals(
        "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN",
        input.get("response_url").asText());
    assertEquals(11, input.size());
  }

  @Test
  void standardWebhooksVectorThroughTheReceiverIsNamedByTheMessageId() {
    RecordingStarter starter = new RecordingStarter();
    WebhookReceiver receiver =
        receiver(
            WebhookScheme.STANDARD_WEBHOOKS,
            "ORDERS_SECRET",
            STANDARD_SECRET,
            starter,
            STANDARD_TIMESTAMP);

    WebhookResponse response =
        receiver.receive(
            "hook",
            request(
                STANDARD_PAYLOAD,
                "Webhook-Id",
                STANDARD_ID,
                "Webhook-Timestamp",
                Long.toString(STANDARD_TIMESTAMP),
                "Webhook-Signature",
                STANDARD_SIGNATURE));

    assertEquals(202, response.status(), response.body());
    assertEquals(
        new RecordingStarter.Call("wf", STANDARD_ID, STANDARD_PAYLOAD), starter.onlyCall());
  }

  /**
   * GitHub lets you pick any text, but the receiver reads a secret's value as a whitespace
   * separated list, so a passphrase would become weak keys ("a", "to"). It is refused instead.
   */
  @Test
  void gitHubDocsSecretHasSpacesSoTheReceiverRefusesItAsNotConfigured() {
    RecordingStarter starter = new RecordingStarter();
    WebhookReceiver receiver =
        receiver(WebhookScheme.GITHUB, "GH_SECRET", GITHUB_SECRET, starter, 0);

    WebhookResponse response =
        receiver.receive(
            "hook",
            request(
                "{\"zen\":\"Hello, World!\"}",
                "X-Hub-Signature-256",
                Signing.github("a", "{\"zen\":\"Hello, World!\"}"),
                "X-GitHub-Delivery",
                "d1"));

    assertEquals(401, response.status());
    assertTrue(response.body().contains("not configured"), response.body());
    assertEquals(List.of(), starter.calls);
  }

  private static WebhookReceiver receiver(
      WebhookScheme scheme, String secretName, String secret, RecordingStarter starter, long now) {
    DeploymentManifest manifest =
        DeploymentManifest.of(
            List.of(
                new WorkflowSpec(
                    "wf",
                    "com.example.Wf",
                    null,
                    "java.util.Map<java.lang.String,java.lang.Object>",
                    "void",
                    null,
                    null,
                    null,
                    null,
                    List.of(new WebhookSpec("hook", scheme, secretName, 300)),
                    null)),
            List.of());
    Map<String, String> values = Map.of(secretName, secret);
    return WebhookReceiver.builder(manifest)
        .secrets(
            new SecretStore() {
              @Override
              public Optional<String> find(String name) {
                return Optional.ofNullable(values.get(name));
              }

              @Override
              public String whereToSet(String name) {
                return name;
              }
            })
        .inputCheck((type, json) -> Optional.empty())
        .starter(starter)
        .clock(at(now))
        .build();
  }
}
