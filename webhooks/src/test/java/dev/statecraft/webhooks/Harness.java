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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A receiver over a small manifest, with a recording starter and input check, and a sender for
 * every scheme that signs the way the provider does.
 */
final class Harness {
  static final long NOW = 1_700_000_000L;
  static final String WORKFLOW = "fulfil-order";
  static final String INPUT_TYPE = "com.example.OrderEvent";

  private static final ObjectMapper JSON = new ObjectMapper();

  final MutableClock clock = new MutableClock(NOW);
  final Map<String, String> secretValues = new HashMap<>();
  final RecordingStarter starter = new RecordingStarter();
  final List<String> checkedInputs = new ArrayList<>();
  RuntimeException secretStoreFailure;
  RuntimeException inputCheckFailure;
  final WebhookReceiver receiver;

  Harness() {
    for (WebhookScheme scheme : WebhookScheme.values()) {
      secretValues.put(secretName(scheme), secret(scheme));
    }
    receiver = builder().build();
  }

  /** A builder of a receiver like this harness's, to change a part. */
  WebhookReceiver.Builder builder() {
    return WebhookReceiver.builder(manifest())
        .secrets(store())
        .inputCheck(this::check)
        .starter(starter)
        .clock(clock);
  }

  static DeploymentManifest manifest() {
    List<WebhookSpec> hooks = new ArrayList<>();
    for (WebhookScheme scheme : WebhookScheme.values()) {
      hooks.add(new WebhookSpec(path(scheme), scheme, secretName(scheme), 300));
    }
    hooks.add(new WebhookSpec("default-window", WebhookScheme.STRIPE, "STRIPE_SECRET", 0));
    hooks.add(new WebhookSpec("unconfigured", WebhookScheme.GITHUB, "UNSET_SECRET", 300));
    return DeploymentManifest.of(
        List.of(
            workflow(WORKFLOW, INPUT_TYPE, hooks),
            workflow(
                "slash-command",
                "com.example.Command",
                List.of(
                    new WebhookSpec("slack/commands", WebhookScheme.SLACK, "SLACK_SECRET", 300))),
            workflow(
                "no-input",
                null,
                List.of(new WebhookSpec("no-input", WebhookScheme.GITHUB, "GITHUB_SECRET", 300)))),
        List.of());
  }

  private static WorkflowSpec workflow(String name, String inputType, List<WebhookSpec> hooks) {
    return new WorkflowSpec(
        name, "com.example." + name, null, inputType, "void", null, null, null, null, hooks, null);
  }

  private SecretStore store() {
    return new SecretStore() {
      @Override
      public Optional<String> find(String name) {
        if (secretStoreFailure != null) {
          throw secretStoreFailure;
        }
        return Optional.ofNullable(secretValues.get(name));
      }

      @Override
      public String whereToSet(String name) {
        return "set " + name;
      }
    };
  }

  private Optional<String> check(String inputType, String json) {
    if (inputCheckFailure != null) {
      throw inputCheckFailure;
    }
    checkedInputs.add(inputType + " " + json);
    return json.contains("\"refuse\"")
        ? Optional.of("unrecognized field \"refuse\" for " + inputType)
        : Optional.empty();
  }

  static String path(WebhookScheme scheme) {
    return scheme.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String secretName(WebhookScheme scheme) {
    return scheme.name() + "_SECRET";
  }

  /** The secret the receiver is configured with. */
  static String secret(WebhookScheme scheme) {
    return switch (scheme) {
      case STANDARD_WEBHOOKS -> "whsec_" + base64("standard-webhooks-key-current");
      case STRIPE -> "whsec_stripeTestSecretCurrent0001";
      case GITHUB -> "github-secret-current-0001";
      case SLACK -> "8f742231b10e8888abcd99yyyzzz85a5";
    };
  }

  /** Another valid secret of the same shape: the old one in a rotation, or simply a wrong one. */
  static String oldSecret(WebhookScheme scheme) {
    return switch (scheme) {
      case STANDARD_WEBHOOKS -> "whsec_" + base64("standard-webhooks-key-previous");
      case STRIPE -> "whsec_stripeTestSecretPrevious01";
      case GITHUB -> "github-secret-previous-01";
      case SLACK -> "0123456789abcdef0123456789abcdef";
    };
  }

  /** A valid secret the receiver never knows. */
  static String strangerSecret(WebhookScheme scheme) {
    return scheme == WebhookScheme.STANDARD_WEBHOOKS
        ? "whsec_" + base64("standard-webhooks-key-stranger")
        : "stranger-secret-value-0001";
  }

  private static String base64(String key) {
    return Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  /** A body every scheme can take its delivery id from: Stripe reads id, Slack event_id. */
  static String body(String id) {
    return "{\"id\":\""
        + id
        + "\",\"event_id\":\""
        + id
        + "\",\"type\":\"order.created\",\"amount\":42}";
  }

  /** The headers each required header name of {@code scheme}. */
  static List<String> requiredHeaders(WebhookScheme scheme) {
    return switch (scheme) {
      case STANDARD_WEBHOOKS -> List.of("webhook-id", "webhook-timestamp", "webhook-signature");
      case STRIPE -> List.of("Stripe-Signature");
      case GITHUB -> List.of("X-Hub-Signature-256", "X-GitHub-Delivery");
      case SLACK -> List.of("X-Slack-Request-Timestamp", "X-Slack-Signature");
    };
  }

  /** The request a sender of {@code scheme} sends for {@code body}, signed with each secret. */
  static WebhookRequest.Builder signed(
      WebhookScheme scheme, String body, String id, long timestamp, List<String> secrets) {
    WebhookRequest.Builder r =
        WebhookRequest.builder("POST")
            .header("Content-Type", "application/json")
            .body(body.getBytes(StandardCharsets.UTF_8));
    switch (scheme) {
      case STANDARD_WEBHOOKS ->
          r.header("webhook-id", id)
              .header("webhook-timestamp", Long.toString(timestamp))
              .header(
                  "webhook-signature",
                  secrets.stream()
                      .map(s -> Signing.standard(s, id, timestamp, body))
                      .collect(Collectors.joining(" ")));
      case STRIPE ->
          r.header(
              "Stripe-Signature",
              "t="
                  + timestamp
                  + secrets.stream()
                      .map(s -> ",v1=" + Signing.stripe(s, timestamp, body))
                      .collect(Collectors.joining()));
      case GITHUB -> {
        r.header("X-GitHub-Delivery", id).header("X-GitHub-Event", "issues");
        secrets.forEach(s -> r.header("X-Hub-Signature-256", Signing.github(s, body)));
      }
      case SLACK -> {
        r.header("X-Slack-Request-Timestamp", Long.toString(timestamp));
        secrets.forEach(s -> r.header("X-Slack-Signature", Signing.slack(s, timestamp, body)));
      }
    }
    return r;
  }

  static WebhookRequest.Builder signed(WebhookScheme scheme, String id) {
    return signed(scheme, body(id), id, NOW, List.of(secret(scheme)));
  }

  WebhookResponse post(WebhookScheme scheme, WebhookRequest request) {
    return receiver.receive(path(scheme), request);
  }

  static JsonNode json(WebhookResponse response) {
    assertEquals("application/json", response.contentType());
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** A 202 for a new execution named {@code name}, started once with {@code input}. */
  void assertStarted(WebhookResponse response, String name, String input) {
    assertEquals(202, response.status(), response.body());
    JsonNode body = json(response);
    assertEquals(name, body.get("executionName").asText());
    assertTrue(body.get("started").asBoolean(), response.body());
    RecordingStarter.Call call = starter.calls.get(starter.calls.size() - 1);
    assertEquals(name, call.executionName());
    assertEquals(input, call.input());
    assertEquals(call.workflow(), body.get("executionArn").asText().split(":")[6]);
  }

  /**
   * An error {@code status} whose message contains {@code fragment}, that started nothing and that
   * repeats no secret, no signature header and not the body of {@code request}.
   */
  void assertRefused(
      WebhookResponse response, int status, String fragment, WebhookRequest request) {
    assertEquals(status, response.status(), response.body());
    JsonNode body = json(response);
    assertTrue(body.get("error").isTextual(), response.body());
    String message = body.get("message").asText();
    assertTrue(
        message.contains(fragment), () -> "expected '" + fragment + "' in '" + message + "'");
    assertEquals(List.of(), starter.calls, "the starter must not be called");
    assertNoLeak(response, request);
  }

  void assertNoLeak(WebhookResponse response, WebhookRequest request) {
    for (WebhookScheme scheme : WebhookScheme.values()) {
      for (String secret : List.of(secret(scheme), oldSecret(scheme))) {
        assertFalse(response.body().contains(secret), "leaks a secret: " + response.body());
      }
    }
    for (String header :
        List.of(
            "webhook-signature", "Stripe-Signature", "X-Hub-Signature-256", "X-Slack-Signature")) {
      for (String value : request.headerValues(header)) {
        assertFalse(response.body().contains(value), "leaks a signature: " + response.body());
      }
    }
    String sent = new String(request.body(), StandardCharsets.UTF_8);
    if (sent.length() > 16) {
      assertFalse(response.body().contains(sent), "leaks the body: " + response.body());
    }
    assertFalse(response.body().contains("Exception"), "leaks an exception: " + response.body());
  }
}
