package dev.statecraft.webhooks;

import dev.statecraft.webhooks.WebhookVerifier.Verification;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Slack: {@code X-Slack-Signature: v0=<hex>} over {@code v0:<X-Slack-Request-Timestamp>:body},
 * keyed by the app's signing secret.
 */
final class SlackCheck implements SignatureCheck {
  static final String SIGNATURE = "X-Slack-Signature";
  static final String TIMESTAMP = "X-Slack-Request-Timestamp";
  private static final String PREFIX = "v0=";

  private final List<byte[]> keys;

  SlackCheck(List<byte[]> keys) {
    this.keys = keys;
  }

  @Override
  public String deliveryIdHeader() {
    return null;
  }

  @Override
  public Verification verify(WebhookRequest request, TimestampWindow window) {
    Optional<String> timestamp = request.single(TIMESTAMP);
    List<String> header = request.headerValues(SIGNATURE);
    if (timestamp.isEmpty()) {
      return SignatureCheck.missing(TIMESTAMP);
    }
    if (header.isEmpty()) {
      return SignatureCheck.missing(SIGNATURE);
    }
    OptionalLong signedAt = TimestampWindow.parse(timestamp.get());
    if (signedAt.isEmpty()) {
      return Verification.rejected(TIMESTAMP + " is not a unix time in seconds");
    }
    List<byte[]> candidates = Hmac.hexSignatures(PREFIX, header);
    if (candidates.isEmpty()) {
      return Verification.rejected(SIGNATURE + " has no v0= signature");
    }
    byte[] prefix = Utf8.bytes("v0:" + timestamp.get() + ":");
    boolean match = Hmac.anyKeyMatches(keys, candidates, prefix, request.bodyBytes());
    if (!match) {
      return SignatureCheck.noMatch();
    }
    return window
        .problem(signedAt.getAsLong())
        .map(Verification::rejected)
        .orElseGet(() -> Verification.verified(signedAt, null, String.join(" ", header)));
  }
}
