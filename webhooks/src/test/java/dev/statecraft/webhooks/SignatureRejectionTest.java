package dev.statecraft.webhooks;

import static dev.statecraft.webhooks.Harness.NOW;
import static dev.statecraft.webhooks.Harness.body;
import static dev.statecraft.webhooks.Harness.secret;
import static dev.statecraft.webhooks.Harness.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statecraft.api.WebhookScheme;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a request fails to prove its sender is answered 401 and starts nothing. */
class SignatureRejectionTest {
  private final Harness h = new Harness();

  @ParameterizedTest
  @EnumSource(WebhookScheme.class)
  void validRequestStartsTheWorkflow(WebhookScheme scheme) {
    WebhookResponse response = h.post(scheme, signed(scheme, "evt_1").build());

    h.assertStarted(response, "evt_1", body("evt_1"));
    assertEquals(Harness.WORKFLOW, h.starter.onlyCall().workflow());
  }

  @ParameterizedTest
  @EnumSource(WebhookScheme.class)
  void tamperedBodyIsRefused(WebhookScheme scheme) {
    WebhookRequest request =
        signed(scheme, "evt_1")
            .body(body("evt_1").replace("42", "43").getBytes(StandardCharsets.UTF_8))
            .build();

    h.assertRefused(h.post(scheme, request), 401, "no signature matches", request);
  }

  @ParameterizedTest
  @EnumSource(WebhookScheme.class)
  void signatureWithAnotherSecretIsRefused(WebhookScheme scheme) {
    WebhookRequest request =
        signed(scheme, body("evt_1"), "evt_1", NOW, List.of(Harness.oldSecret(scheme))).build();

    h.assertRefused(h.post(scheme, request), 401, "no signature matches", request);
  }

  static Stream<Arguments> requiredHeaders() {
    return Stream.of(WebhookScheme.values())
        .flatMap(s -> Harness.requiredHeaders(s).stream().map(header -> Arguments.of(s, header)));
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("requiredHeaders")
  void missingHeaderIsRefused(WebhookScheme scheme, String header) {
    WebhookRequest request = signed(scheme, "evt_1").removeHeader(header).build();

    h.assertRefused(h.post(scheme, request), 401, header, request);
  }

  @ParameterizedTest
  @MethodSource("requiredHeaders")
  void emptyHeaderIsRefused(WebhookScheme scheme, String header) {
    WebhookRequest request =
        signed(scheme, "evt_1").removeHeader(header).header(header, "").build();

    assertEquals(401, h.post(scheme, request).status());
    assertEquals(List.of(), h.starter.calls);
  }

  @ParameterizedTest
  @EnumSource(
      value = WebhookScheme.class,
      names = {"STANDARD_WEBHOOKS", "SLACK"})
  void repeatedTimestampHeaderIsRefused(WebhookScheme scheme) {
    String header =
        scheme == WebhookScheme.SLACK ? "X-Slack-Request-Timestamp" : "webhook-timestamp";
    WebhookRequest request = signed(scheme, "evt_1").header(header, Long.toString(NOW)).build();

    h.assertRefused(h.post(scheme, request), 401, "exactly one " + header, request);
  }

  static Stream<Arguments> timestampOffsets() {
    return Stream.of(WebhookScheme.STANDARD_WEBHOOKS, WebhookScheme.STRIPE, WebhookScheme.SLACK)
        .flatMap(
            s ->
                Stream.of(
                    Arguments.of(s, -300, true),
                    Arguments.of(s, -301, false),
                    Arguments.of(s, 300, true),
                    Arguments.of(s, 301, false),
                    Arguments.of(s, -86_400, false)));
  }

  @ParameterizedTest(name = "{0} signed {1}s from now accepted: {2}")
  @MethodSource("timestampOffsets")
  void timestampMustLieWithinTheTolerance(WebhookScheme scheme, int offset, boolean accepted) {
    WebhookRequest request =
        signed(scheme, body("evt_1"), "evt_1", NOW + offset, List.of(secret(scheme))).build();

    WebhookResponse response = h.post(scheme, request);

    if (accepted) {
      h.assertStarted(response, "evt_1", body("evt_1"));
    } else {
      h.assertRefused(response, 401, offset < 0 ? "in the past" : "in the future", request);
    }
  }

  @Test
  void gitHubSignsNoTimestampSoTheClockDoesNotMatter() {
    WebhookRequest request = signed(WebhookScheme.GITHUB, "delivery-1").build();
    h.clock.advanceSeconds(30L * 86_400);

    h.assertStarted(h.post(WebhookScheme.GITHUB, request), "delivery-1", body("delivery-1"));
  }

  static Stream<Arguments> badTimestamps() {
    return Stream.of(WebhookScheme.STANDARD_WEBHOOKS, WebhookScheme.STRIPE, WebhookScheme.SLACK)
        .flatMap(
            s ->
                Stream.of("abc", "1700000000.5", "-1700000000", "+1700000000", " 1700000000")
                    .map(t -> Arguments.of(s, t)));
  }

  /** Signed over the timestamp text as sent, so only the timestamp check can refuse it. */
  @ParameterizedTest(name = "{0} with timestamp \"{1}\"")
  @MethodSource("badTimestamps")
  void timestampThatIsNotUnixSecondsIsRefused(WebhookScheme scheme, String timestamp) {
    String body = body("evt_1");
    WebhookRequest.Builder r =
        WebhookRequest.builder("POST").body(body.getBytes(StandardCharsets.UTF_8));
    String key = secret(scheme);
    switch (scheme) {
      case STANDARD_WEBHOOKS -> {
        byte[] k = java.util.Base64.getDecoder().decode(key.substring(6));
        String sig =
            java.util.Base64.getEncoder()
                .encodeToString(Signing.hmac(k, "evt_1." + timestamp + "." + body));
        r.header("webhook-id", "evt_1")
            .header("webhook-timestamp", timestamp)
            .header("webhook-signature", "v1," + sig);
      }
      case STRIPE ->
          r.header(
              "Stripe-Signature",
              "t=" + timestamp + ",v1=" + Signing.hex(key, timestamp + "." + body));
      case SLACK ->
          r.header("X-Slack-Request-Timestamp", timestamp)
              .header(
                  "X-Slack-Signature", "v0=" + Signing.hex(key, "v0:" + timestamp + ":" + body));
      default -> throw new AssertionError(scheme);
    }
    WebhookRequest request = r.build();

    WebhookResponse response = h.post(scheme, request);

    assertEquals(401, response.status(), response.body());
    assertEquals(List.of(), h.starter.calls);
    h.assertNoLeak(response, request);
  }

  static Stream<Arguments> malformedSignatures() {
    return Stream.of(
        Arguments.of(WebhookScheme.STANDARD_WEBHOOKS, "webhook-signature", "v1,not base64!"),
        Arguments.of(WebhookScheme.STANDARD_WEBHOOKS, "webhook-signature", "v2,AAAA"),
        Arguments.of(WebhookScheme.STRIPE, "Stripe-Signature", "t=" + NOW + ",v1=zz"),
        Arguments.of(WebhookScheme.STRIPE, "Stripe-Signature", "v1=00"),
        Arguments.of(
            WebhookScheme.STRIPE,
            "Stripe-Signature",
            "t="
                + NOW
                + ",t="
                + (NOW + 1)
                + ",v1="
                + Signing.stripe(secret(WebhookScheme.STRIPE), NOW, body("evt_1"))),
        Arguments.of(WebhookScheme.GITHUB, "X-Hub-Signature-256", "sha1=00"),
        Arguments.of(WebhookScheme.GITHUB, "X-Hub-Signature-256", "sha256="),
        Arguments.of(WebhookScheme.SLACK, "X-Slack-Signature", "v1=00"),
        Arguments.of(WebhookScheme.SLACK, "X-Slack-Signature", "v0=abc"));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("malformedSignatures")
  void malformedSignatureHeaderIsRefused(WebhookScheme scheme, String header, String value) {
    WebhookRequest request =
        signed(scheme, "evt_1").removeHeader(header).header(header, value).build();

    WebhookResponse response = h.post(scheme, request);

    assertEquals(401, response.status(), response.body());
    assertEquals(List.of(), h.starter.calls);
  }

  @ParameterizedTest
  @EnumSource(WebhookScheme.class)
  void headerNamesMatchInAnyCase(WebhookScheme scheme) {
    WebhookRequest signed = signed(scheme, "evt_1").build();
    WebhookRequest.Builder shouted = WebhookRequest.builder("POST").body(signed.body());
    for (String name : Harness.requiredHeaders(scheme)) {
      signed.headerValues(name).forEach(v -> shouted.header(name.toUpperCase(Locale.ROOT), v));
    }

    h.assertStarted(h.post(scheme, shouted.build()), "evt_1", body("evt_1"));
  }
}
