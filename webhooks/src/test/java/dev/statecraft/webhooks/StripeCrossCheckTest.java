package dev.statecraft.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.statecraft.api.WebhookScheme;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stripe publishes no fixed vector, so stripe-java is the referee: its own helper signs, and its
 * own {@code Webhook.Signature.verifyHeader} must reach the same verdict as {@link
 * WebhookVerifier}.
 */
class StripeCrossCheckTest {
  private static final String SECRET = "whsec_test_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  private static final String OTHER_SECRET = "whsec_test_00112233445566778899aabbccddeeff";
  private static final long NOW = 1_717_171_717L;
  private static final long TOLERANCE = 300;
  private static final String PAYLOAD =
      "{\n  \"id\": \"evt_1PXyZ2AbCdEfGhIj\",\n  \"object\": \"event\",\n  \"type\": \"charge.succeeded\"\n}";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

  private static String v1(String secret, long t, String payload) {
    try {
      return Webhook.Util.computeHmacSha256(secret, t + "." + payload);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("valid", PAYLOAD, "t=" + NOW + ",v1=" + v1(SECRET, NOW, PAYLOAD), true),
        Arguments.of(
            "tampered body",
            PAYLOAD.replace("succeeded", "refunded"),
            "t=" + NOW + ",v1=" + v1(SECRET, NOW, PAYLOAD),
            false),
        Arguments.of(
            "tampered timestamp",
            PAYLOAD,
            "t=" + (NOW + 1) + ",v1=" + v1(SECRET, NOW, PAYLOAD),
            false),
        Arguments.of(
            "other secret", PAYLOAD, "t=" + NOW + ",v1=" + v1(OTHER_SECRET, NOW, PAYLOAD), false),
        Arguments.of(
            "multi v1, second matches",
            PAYLOAD,
            "t="
                + NOW
                + ",v1="
                + v1(OTHER_SECRET, NOW, PAYLOAD)
                + ",v1="
                + v1(SECRET, NOW, PAYLOAD),
            true),
        Arguments.of(
            "multi v1 with v0, first matches",
            PAYLOAD,
            "t="
                + NOW
                + ",v1="
                + v1(SECRET, NOW, PAYLOAD)
                + ",v0="
                + v1(OTHER_SECRET, NOW, PAYLOAD)
                + ",v1="
                + v1(OTHER_SECRET, NOW, PAYLOAD),
            true),
        Arguments.of("v0 only", PAYLOAD, "t=" + NOW + ",v0=" + v1(SECRET, NOW, PAYLOAD), false),
        Arguments.of(
            "just inside tolerance",
            PAYLOAD,
            "t=" + (NOW - TOLERANCE) + ",v1=" + v1(SECRET, NOW - TOLERANCE, PAYLOAD),
            true),
        Arguments.of(
            "stale",
            PAYLOAD,
            "t=" + (NOW - TOLERANCE - 1) + ",v1=" + v1(SECRET, NOW - TOLERANCE - 1, PAYLOAD),
            false),
        Arguments.of("no timestamp", PAYLOAD, "v1=" + v1(SECRET, NOW, PAYLOAD), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithStripeJava(String name, String payload, String header, boolean valid) {
    assertEquals(valid, stripeAccepts(payload, header), "stripe-java's verdict");
    assertEquals(valid, oursAccepts(payload, header), "our verdict");
  }

  /**
   * stripe-java only refuses old timestamps; a timestamp from the future passes it. The receiver
   * refuses both directions, as the webhook's tolerance is documented to mean.
   */
  @Test
  void refusesFutureTimestampsThatStripeJavaLetsThrough() {
    long future = NOW + TOLERANCE + 1;
    String header = "t=" + future + ",v1=" + v1(SECRET, future, PAYLOAD);

    assertTrue(stripeAccepts(PAYLOAD, header));
    assertFalse(oursAccepts(PAYLOAD, header));
  }

  @Test
  void receiverStartsTheEventStripeJavaSigned() {
    Harness h = new Harness();
    String secret = Harness.secret(WebhookScheme.STRIPE);
    String header = "t=" + Harness.NOW + ",v1=" + v1(secret, Harness.NOW, PAYLOAD);
    WebhookRequest request =
        WebhookRequest.builder("POST")
            .header("stripe-signature", header)
            .body(PAYLOAD.getBytes(StandardCharsets.UTF_8))
            .build();

    h.assertStarted(h.post(WebhookScheme.STRIPE, request), "evt_1PXyZ2AbCdEfGhIj", PAYLOAD);
  }

  private static boolean stripeAccepts(String payload, String header) {
    try {
      return Webhook.Signature.verifyHeader(payload, header, SECRET, TOLERANCE, CLOCK);
    } catch (SignatureVerificationException e) {
      return false;
    }
  }

  private static boolean oursAccepts(String payload, String header) {
    WebhookVerifier verifier =
        WebhookVerifier.of(
            WebhookScheme.STRIPE, List.of(SECRET), Duration.ofSeconds(TOLERANCE), CLOCK);
    return verifier
        .verify(
            WebhookRequest.builder("POST")
                .header("Stripe-Signature", header)
                .body(payload.getBytes(StandardCharsets.UTF_8))
                .build())
        .verified();
  }
}
