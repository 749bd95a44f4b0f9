package dev.statecraft.webhooks;

import static dev.statecraft.webhooks.Harness.NOW;
import static dev.statecraft.webhooks.Harness.body;
import static dev.statecraft.webhooks.Harness.oldSecret;
import static dev.statecraft.webhooks.Harness.secret;
import static dev.statecraft.webhooks.Harness.secretName;
import static dev.statecraft.webhooks.Harness.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.api.WebhookScheme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Replays are refused; redeliveries reach the starter, which starts nothing twice; keys rotate. */
class ReplayAndRotationTest {
  private final Harness h = new Harness();

  @ParameterizedTest
  @EnumSource(WebhookScheme.class)
  void exactReplayIsRefusedAndStartsNothing(WebhookScheme scheme) {
    WebhookRequest request = signed(scheme, "evt_1").build();
    h.assertStarted(h.post(scheme, request), "evt_1", body("evt_1"));

    h.clock.advanceSeconds(10);
    WebhookResponse replay = h.post(scheme, request);

    assertEquals(401, replay.status());
    assertEquals("replayed delivery", Harness.json(replay).get("message").asText());
    assertEquals(1, h.starter.calls.size());
  }

  @ParameterizedTest
  @EnumSource(
      value = WebhookScheme.class,
      names = {"STANDARD_WEBHOOKS", "STRIPE", "SLACK"})
  void redeliveryWithNewTimestampReachesTheStarterWhichStartsNothing(WebhookScheme scheme) {
    h.assertStarted(h.post(scheme, signed(scheme, "evt_1").build()), "evt_1", body("evt_1"));

    h.clock.advanceSeconds(60);
    WebhookRequest redelivery =
        signed(scheme, body("evt_1"), "evt_1", NOW + 60, List.of(secret(scheme))).build();
    WebhookResponse response = h.post(scheme, redelivery);

    assertEquals(202, response.status(), response.body());
    JsonNode json = Harness.json(response);
    assertFalse(json.get("started").asBoolean());
    assertEquals("evt_1", json.get("executionName").asText());
    assertEquals(2, h.starter.calls.size());
    assertEquals(h.starter.calls.get(0).executionName(), h.starter.calls.get(1).executionName());
  }

  @Test
  void gitHubRedeliveryIsTheSameRequestSoItPassesOnlyOnceTheToleranceHasPassed() {
    WebhookRequest request = signed(WebhookScheme.GITHUB, "delivery-1").build();
    h.assertStarted(h.post(WebhookScheme.GITHUB, request), "delivery-1", body("delivery-1"));

    h.clock.advanceSeconds(299);
    assertEquals(401, h.post(WebhookScheme.GITHUB, request).status());
    h.clock.advanceSeconds(1);
    WebhookResponse later = h.post(WebhookScheme.GITHUB, request);

    assertEquals(202, later.status(), later.body());
    assertFalse(Harness.json(later).get("started").asBoolean());
    assertEquals(2, h.starter.calls.size());
  }

  @ParameterizedTest
  @EnumSource(WebhookScheme.class)
  void failedStartLetsTheSenderRetryTheSameRequest(WebhookScheme scheme) {
    WebhookRequest request = signed(scheme, "evt_1").build();
    h.starter.failure = new IllegalStateException("ThrottlingException: rate exceeded at line 12");

    WebhookResponse failed = h.post(scheme, request);
    h.starter.failure = null;
    WebhookResponse retried = h.post(scheme, request);

    assertEquals(502, failed.status());
    assertFalse(failed.body().contains("Throttling"), failed.body());
    h.assertNoLeak(failed, request);
    h.assertStarted(retried, "evt_1", body("evt_1"));
  }

  @ParameterizedTest
  @EnumSource(
      value = WebhookScheme.class,
      names = {"STANDARD_WEBHOOKS", "STRIPE"})
  void senderRotatingItsKeySignsWithBothAndEitherMatching(WebhookScheme scheme) {
    WebhookRequest request =
        signed(scheme, body("evt_1"), "evt_1", NOW, List.of(oldSecret(scheme), secret(scheme)))
            .build();

    h.assertStarted(h.post(scheme, request), "evt_1", body("evt_1"));
  }

  @ParameterizedTest
  @EnumSource(WebhookScheme.class)
  void receiverRotatingAcceptsTheOldAndTheNewSecret(WebhookScheme scheme) {
    h.secretValues.put(secretName(scheme), oldSecret(scheme) + "  \n " + secret(scheme) + "\n");

    WebhookResponse old =
        h.post(
            scheme,
            signed(scheme, body("evt_1"), "evt_1", NOW, List.of(oldSecret(scheme))).build());
    WebhookResponse current = h.post(scheme, signed(scheme, "evt_2").build());
    WebhookRequest other =
        signed(scheme, body("evt_3"), "evt_3", NOW, List.of(Harness.strangerSecret(scheme)))
            .build();
    WebhookResponse neither = h.post(scheme, other);

    assertEquals(202, old.status(), old.body());
    assertEquals(202, current.status(), current.body());
    assertEquals(401, neither.status(), neither.body());
    assertEquals(2, h.starter.calls.size());
  }

  @Test
  void standardWebhooksIgnoresSignatureVersionsOtherThanV1() {
    WebhookScheme scheme = WebhookScheme.STANDARD_WEBHOOKS;
    WebhookRequest good = signed(scheme, "msg_1").build();
    String header =
        "v1a,bm90IGFuIGVkMjU1MTkgc2lnbmF0dXJl " + good.header("webhook-signature").get();

    WebhookResponse response =
        h.post(
            scheme,
            good.toBuilder()
                .removeHeader("webhook-signature")
                .header("webhook-signature", header)
                .build());

    h.assertStarted(response, "msg_1", body("msg_1"));
  }

  @Test
  void standardWebhooksRefusesTheRightMacUnderAnotherVersion() {
    WebhookScheme scheme = WebhookScheme.STANDARD_WEBHOOKS;
    WebhookRequest good = signed(scheme, "msg_1").build();
    String mac = good.header("webhook-signature").get().substring("v1,".length());
    WebhookRequest request =
        good.toBuilder()
            .removeHeader("webhook-signature")
            .header("webhook-signature", "v2," + mac + " v1a," + mac)
            .build();

    h.assertRefused(h.post(scheme, request), 401, "no v1 signature", request);
  }

  @Test
  void stripeCountsOnlyV1Signatures() {
    String body = body("evt_1");
    String v0 = Signing.stripe(secret(WebhookScheme.STRIPE), NOW, body);
    WebhookRequest request =
        signed(WebhookScheme.STRIPE, "evt_1")
            .removeHeader("Stripe-Signature")
            .header("Stripe-Signature", "t=" + NOW + ",v0=" + v0)
            .build();

    h.assertRefused(h.post(WebhookScheme.STRIPE, request), 401, "no v1 signature", request);
  }

  @Test
  void replayGuardIsConsultedAfterTheSignatureSoForgeriesDoNotFillIt() {
    List<String> admitted = new ArrayList<>();
    ReplayGuard recording =
        new ReplayGuard() {
          @Override
          public boolean admit(String fingerprint, Instant expiresAt) {
            admitted.add(fingerprint);
            return true;
          }

          @Override
          public void release(String fingerprint) {}
        };
    WebhookReceiver receiver = h.builder().replayGuard(recording).build();
    WebhookScheme scheme = WebhookScheme.STRIPE;

    receiver.receive(
        "stripe", signed(scheme, body("evt_1"), "evt_1", NOW, List.of(oldSecret(scheme))).build());
    assertTrue(admitted.isEmpty());
    receiver.receive("stripe", signed(scheme, "evt_1").build());
    assertEquals(1, admitted.size());
  }
}
