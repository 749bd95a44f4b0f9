package dev.statecraft.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statecraft.api.WebhookScheme;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebhookVerifierTest {
  private final MutableClock clock = new MutableClock(Harness.NOW);

  @ParameterizedTest
  @EnumSource(WebhookScheme.class)
  void refusesToBeBuiltWithoutAUsableSecretAndNeverQuotesOne(WebhookScheme scheme) {
    for (List<String> secrets :
        List.of(List.<String>of(), List.of("too-short-secret".substring(1)))) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> WebhookVerifier.of(scheme, secrets, Duration.ofMinutes(5), clock));
      assertTrue(e.getMessage().contains("at least 16 characters"), e.getMessage());
      secrets.forEach(s -> assertFalse(e.getMessage().contains(s), e.getMessage()));
    }
  }

  @Test
  void standardWebhooksSecretMustBeBase64() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WebhookVerifier.of(
                WebhookScheme.STANDARD_WEBHOOKS,
                List.of("whsec_****************"),
                Duration.ofMinutes(5),
                clock));
  }

  @Test
  void toleranceMustBePositive() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WebhookVerifier.of(
                WebhookScheme.GITHUB, List.of("github-secret-current-0001"), Duration.ZERO, clock));
  }

  @Test
  void reportsWhatTheSignatureCovers() {
    WebhookVerifier verifier =
        WebhookVerifier.of(
            WebhookScheme.STANDARD_WEBHOOKS,
            List.of(Harness.secret(WebhookScheme.STANDARD_WEBHOOKS)),
            Duration.ofSeconds(60),
            clock);

    WebhookVerifier.Verification v =
        verifier.verify(Harness.signed(WebhookScheme.STANDARD_WEBHOOKS, "msg_1").build());

    assertTrue(v.verified(), v.toString());
    assertEquals(Optional.empty(), v.problem());
    assertEquals(Harness.NOW, v.signedAt().getAsLong());
    assertEquals(Optional.of("msg_1"), v.deliveryId());
    assertEquals(WebhookScheme.STANDARD_WEBHOOKS, verifier.scheme());
  }

  @Test
  void toleranceIsTheVerifiersOwn() {
    WebhookVerifier verifier =
        WebhookVerifier.of(
            WebhookScheme.SLACK,
            List.of(Harness.secret(WebhookScheme.SLACK)),
            Duration.ofSeconds(60),
            Clock.offset(clock, Duration.ofSeconds(61)));

    WebhookVerifier.Verification v =
        verifier.verify(Harness.signed(WebhookScheme.SLACK, "Ev1").build());

    assertEquals(
        Optional.of("the signed timestamp is more than 60 seconds in the past"), v.problem());
    assertTrue(v.deliveryId().isEmpty());
  }
}
