package dev.statecraft.webhooks;

import static dev.statecraft.webhooks.Harness.NOW;
import static dev.statecraft.webhooks.Harness.body;
import static dev.statecraft.webhooks.Harness.secret;
import static dev.statecraft.webhooks.Harness.secretName;
import static dev.statecraft.webhooks.Harness.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.api.WebhookScheme;
import dev.statecraft.api.spi.SecretStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Routing, limits, bodies, handshakes and configuration of {@link WebhookReceiver}. */
class WebhookReceiverTest {
  private final Harness h = new Harness();

  @Test
  void servesEveryRouteOfTheManifest() {
    assertEquals(
        List.of(
            "default-window",
            "github",
            "no-input",
            "slack",
            "slack/commands",
            "standard-webhooks",
            "stripe",
            "unconfigured"),
        h.receiver.paths());
  }

  @Test
  void unknownPathIs404() {
    WebhookRequest request = signed(WebhookScheme.STRIPE, "evt_1").build();

    h.assertRefused(h.receiver.receive("orders", request), 404, "no webhook", request);
    h.assertRefused(h.receiver.receive("/webhooks/stripe", request), 404, "no webhook", request);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "post", "HEAD"})
  void methodOtherThanPostIs405EvenWhenSigned(String method) {
    WebhookRequest request = signed(WebhookScheme.STRIPE, "evt_1").method(method).build();

    h.assertRefused(h.post(WebhookScheme.STRIPE, request), 405, "POST", request);
  }

  @ParameterizedTest
  @EnumSource(WebhookScheme.class)
  void bodyOverTheLimitIs413AndOneAtTheLimitIsAccepted(WebhookScheme scheme) {
    String atLimit = padded("evt_big", WebhookRequest.MAX_BODY_BYTES);
    String overLimit = padded("evt_big", WebhookRequest.MAX_BODY_BYTES + 1);
    WebhookRequest over =
        signed(scheme, overLimit, "evt_big", NOW, List.of(secret(scheme))).build();

    h.assertRefused(h.post(scheme, over), 413, "262144 bytes", over);
    WebhookResponse accepted =
        h.post(scheme, signed(scheme, atLimit, "evt_big", NOW, List.of(secret(scheme))).build());

    assertEquals(WebhookRequest.MAX_BODY_BYTES, atLimit.getBytes(StandardCharsets.UTF_8).length);
    h.assertStarted(accepted, "evt_big", atLimit);
  }

  /** A JSON body with both id fields, exactly {@code bytes} long. */
  private static String padded(String id, int bytes) {
    String head = "{\"id\":\"" + id + "\",\"event_id\":\"" + id + "\",\"pad\":\"";
    return head + "a".repeat(bytes - head.length() - 2) + "\"}";
  }

  @Test
  void oversizedBodyIsRefusedBeforeTheSecretIsEvenRead() {
    h.secretStoreFailure = new IllegalStateException("store down");
    WebhookRequest request =
        WebhookRequest.builder("POST").body(new byte[WebhookRequest.MAX_BODY_BYTES + 1]).build();

    assertEquals(413, h.post(WebhookScheme.GITHUB, request).status());
  }

  @ParameterizedTest
  @EnumSource(WebhookScheme.class)
  void bodyTheInputCheckRefusesIs400(WebhookScheme scheme) {
    String body = "{\"id\":\"evt_1\",\"event_id\":\"evt_1\",\"refuse\":true}";
    WebhookRequest request = signed(scheme, body, "evt_1", NOW, List.of(secret(scheme))).build();

    h.assertRefused(h.post(scheme, request), 400, "unrecognized field \"refuse\"", request);
    assertEquals(List.of(Harness.INPUT_TYPE + " " + body), h.checkedInputs);
  }

  @ParameterizedTest
  @EnumSource(WebhookScheme.class)
  void bodyThatIsNotJsonIs400(WebhookScheme scheme) {
    for (String body : List.of("not json at all", "{\"id\":\"evt_1\"", "{\"id\":\"a\"} {}", "")) {
      WebhookRequest request = signed(scheme, body, "evt_1", NOW, List.of(secret(scheme))).build();

      WebhookResponse response = h.post(scheme, request);

      h.assertRefused(response, 400, "", request);
    }
    assertEquals(List.of(), h.checkedInputs);
  }

  @Test
  void bodyThatIsNotUtf8Is400() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    byte[] key = secret(WebhookScheme.GITHUB).getBytes(StandardCharsets.UTF_8);
    WebhookRequest request =
        signed(WebhookScheme.GITHUB, "d-1")
            .body(body)
            .removeHeader("X-Hub-Signature-256")
            .header(
                "X-Hub-Signature-256",
                "sha256=" + HexFormat.of().formatHex(Signing.hmac(key, body)))
            .build();

    h.assertRefused(h.post(WebhookScheme.GITHUB, request), 400, "not UTF-8", request);
  }

  @Test
  void stripeEventWithoutAStringIdIs400() {
    for (String body : List.of("{\"object\":\"event\"}", "{\"id\":12}", "{\"id\":\"\"}", "[1]")) {
      WebhookRequest request =
          signed(WebhookScheme.STRIPE, body, "ignored", NOW, List.of(secret(WebhookScheme.STRIPE)))
              .build();

      h.assertRefused(h.post(WebhookScheme.STRIPE, request), 400, "\"id\"", request);
    }
  }

  @Test
  void slackUrlVerificationIsAnsweredWithTheChallengeAndStartsNothing() {
    String body =
        "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
    WebhookRequest request =
        signed(WebhookScheme.SLACK, body, "-", NOW, List.of(secret(WebhookScheme.SLACK))).build();

    WebhookResponse response = h.post(WebhookScheme.SLACK, request);

    assertEquals(200, response.status(), response.body());
    assertEquals("application/json", response.contentType());
    assertEquals(
        "{\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\"}",
        response.body());
    assertEquals(List.of(), h.starter.calls);
    assertEquals(List.of(), h.checkedInputs);
  }

  @Test
  void slackUrlVerificationWithABadSignatureIs401() {
    String body = "{\"challenge\":\"abc\",\"type\":\"url_verification\"}";
    WebhookRequest request =
        signed(WebhookScheme.SLACK, body, "-", NOW, List.of(Harness.oldSecret(WebhookScheme.SLACK)))
            .build();

    h.assertRefused(h.post(WebhookScheme.SLACK, request), 401, "no signature matches", request);
  }

  @Test
  void gitHubPingIsAnsweredAndStartsNothing() {
    String body = "{\"zen\":\"Design for failure.\",\"hook_id\":1}";
    WebhookRequest request =
        signed(WebhookScheme.GITHUB, body, "d-ping", NOW, List.of(secret(WebhookScheme.GITHUB)))
            .removeHeader("X-GitHub-Event")
            .header("X-GitHub-Event", "ping")
            .build();

    WebhookResponse response = h.post(WebhookScheme.GITHUB, request);

    assertEquals(200, response.status(), response.body());
    assertEquals("{\"ok\":true,\"zen\":\"Design for failure.\"}", response.body());
    assertEquals(List.of(), h.starter.calls);
  }

  @Test
  void gitHubPingWithABadSignatureIs401() {
    WebhookRequest request =
        signed(
                WebhookScheme.GITHUB,
                "{\"zen\":\"x\"}",
                "d-ping",
                NOW,
                List.of("not-the-secret-at-all"))
            .removeHeader("X-GitHub-Event")
            .header("X-GitHub-Event", "ping")
            .build();

    h.assertRefused(h.post(WebhookScheme.GITHUB, request), 401, "no signature matches", request);
  }

  @Test
  void slackSlashCommandFormBecomesTheJsonObjectOfItsFields() throws Exception {
    String form =
        "token=xyz&team_id=T1&command=%2Fdeploy&text=ship+it+%26+smile&text=second&user_name=road%20runner&flag";
    WebhookRequest request =
        signed(WebhookScheme.SLACK, form, "-", NOW, List.of(secret(WebhookScheme.SLACK)))
            .removeHeader("Content-Type")
            .header("content-type", "application/x-www-form-urlencoded; charset=utf-8")
            .build();
    String signature = request.header("X-Slack-Signature").orElseThrow();
    String expectedName =
        "slack-"
            + HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest((NOW + ":" + signature).getBytes(StandardCharsets.UTF_8)))
                .substring(0, 40);

    WebhookResponse response = h.receiver.receive("slack/commands", request);

    String input =
        "{\"token\":\"xyz\",\"team_id\":\"T1\",\"command\":\"/deploy\",\"text\":\"ship it & smile\","
            + "\"user_name\":\"road runner\",\"flag\":\"\"}";
    h.assertStarted(response, expectedName, input);
    assertEquals("slash-command", h.starter.onlyCall().workflow());
    assertEquals(List.of("com.example.Command " + input), h.checkedInputs);
  }

  @Test
  void slackEventIsNamedByItsEventId() {
    String body = "{\"type\":\"event_callback\",\"event_id\":\"Ev08MFMKH6\",\"event\":{}}";
    WebhookRequest request =
        signed(WebhookScheme.SLACK, body, "-", NOW, List.of(secret(WebhookScheme.SLACK))).build();

    h.assertStarted(h.post(WebhookScheme.SLACK, request), "Ev08MFMKH6", body);
  }

  @Test
  void malformedFormBodyIs400() {
    WebhookRequest request =
        signed(WebhookScheme.SLACK, "text=%zz", "-", NOW, List.of(secret(WebhookScheme.SLACK)))
            .removeHeader("Content-Type")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .build();

    h.assertRefused(h.receiver.receive("slack/commands", request), 400, "form data", request);
  }

  @Test
  void deliveryIdThatIsNoExecutionNameIsMadeSafe() {
    String id = "msg:2024/01 #7";
    WebhookRequest request =
        signed(
                WebhookScheme.STANDARD_WEBHOOKS,
                body("x"),
                id,
                NOW,
                List.of(secret(WebhookScheme.STANDARD_WEBHOOKS)))
            .build();

    WebhookResponse response = h.post(WebhookScheme.STANDARD_WEBHOOKS, request);

    assertEquals(202, response.status(), response.body());
    String name = Harness.json(response).get("executionName").asText();
    assertEquals(ExecutionNames.of(id), name);
    assertTrue(name.startsWith("msg-2024-01--7-"), name);
    assertEquals(name, h.starter.onlyCall().executionName());
  }

  @Test
  void workflowWithoutInputIsStartedWithoutAskingTheInputCheck() {
    WebhookRequest request = signed(WebhookScheme.GITHUB, "d-9").build();

    WebhookResponse response = h.receiver.receive("no-input", request);

    assertEquals(202, response.status(), response.body());
    assertEquals("no-input", h.starter.onlyCall().workflow());
    assertEquals(List.of(), h.checkedInputs);
  }

  @Test
  void manifestWithoutToleranceUsesFiveMinutes() {
    WebhookScheme scheme = WebhookScheme.STRIPE;
    WebhookRequest inside =
        signed(scheme, body("evt_1"), "evt_1", NOW - 300, List.of(secret(scheme))).build();
    WebhookRequest outside =
        signed(scheme, body("evt_2"), "evt_2", NOW - 301, List.of(secret(scheme))).build();

    assertEquals(401, h.receiver.receive("default-window", outside).status());
    assertEquals(202, h.receiver.receive("default-window", inside).status());
  }

  @Test
  void routeWhoseSecretIsUnsetRefusesEveryRequestSayingItIsNotConfigured() {
    h.secretValues.put("UNSET_SECRET", null);
    WebhookRequest request = signed(WebhookScheme.GITHUB, "d-1").build();

    WebhookResponse response = h.receiver.receive("unconfigured", request);

    h.assertRefused(response, 401, "not configured", request);
    assertFalse(response.body().contains("UNSET_SECRET"), response.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   \n",
        "It's a Secret to Everybody",
        "short",
        "github-secret-current-0001 short"
      })
  void secretThatIsBlankOrCouldBeAPassphraseIsNotConfigured(String value) {
    h.secretValues.put(secretName(WebhookScheme.GITHUB), value);
    WebhookRequest request =
        signed(
                WebhookScheme.GITHUB,
                body("d-1"),
                "d-1",
                NOW,
                List.of(value.isBlank() ? "x" : value))
            .build();

    h.assertRefused(h.post(WebhookScheme.GITHUB, request), 401, "not configured", request);
  }

  @Test
  void standardWebhooksSecretThatIsNotBase64IsNotConfigured() {
    h.secretValues.put(secretName(WebhookScheme.STANDARD_WEBHOOKS), "whsec_not*base64*at*all!!");
    WebhookRequest request = signed(WebhookScheme.STANDARD_WEBHOOKS, "msg_1").build();

    h.assertRefused(
        h.post(WebhookScheme.STANDARD_WEBHOOKS, request), 401, "not configured", request);
  }

  @Test
  void failingSecretStoreIs500WithAGenericMessage() {
    h.secretStoreFailure = new IllegalStateException("AccessDeniedException for STRIPE_SECRET");
    WebhookRequest request = signed(WebhookScheme.STRIPE, "evt_1").build();

    WebhookResponse response = h.post(WebhookScheme.STRIPE, request);

    h.assertRefused(response, 500, "try again later", request);
    assertFalse(response.body().contains("AccessDenied"), response.body());
  }

  @Test
  void failingInputCheckIs500AndTheRetryIsNotTakenForAReplay() {
    h.inputCheckFailure = new IllegalArgumentException("Cannot construct com.example.OrderEvent");
    WebhookRequest request = signed(WebhookScheme.STRIPE, "evt_1").build();

    WebhookResponse failed = h.post(WebhookScheme.STRIPE, request);
    h.inputCheckFailure = null;

    h.assertRefused(failed, 500, "try again later", request);
    h.assertStarted(h.post(WebhookScheme.STRIPE, request), "evt_1", body("evt_1"));
  }

  @Test
  void starterReturningNothingIs502() {
    WebhookReceiver receiver = h.builder().starter((workflow, name, input) -> null).build();
    WebhookRequest request = signed(WebhookScheme.STRIPE, "evt_1").build();

    WebhookResponse response = receiver.receive("stripe", request);

    assertEquals(502, response.status(), response.body());
    h.assertNoLeak(response, request);
  }

  @Test
  void acceptedResponseCarriesTheStartersArn() {
    WebhookResponse response =
        h.post(WebhookScheme.STRIPE, signed(WebhookScheme.STRIPE, "evt_7").build());

    JsonNode json = Harness.json(response);
    assertEquals(
        "arn:aws:states:eu-west-1:123456789012:execution:fulfil-order:evt_7",
        json.get("executionArn").asText());
    assertEquals(3, json.size());
  }

  @Test
  void builderNamesWhatIsMissing() {
    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () ->
                WebhookReceiver.builder(Harness.manifest())
                    .secrets(SecretStore.environment())
                    .inputCheck((type, json) -> Optional.empty())
                    .build());
    assertTrue(e.getMessage().contains("starter"), e.getMessage());
  }
}
