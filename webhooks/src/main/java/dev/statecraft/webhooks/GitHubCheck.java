package dev.statecraft.webhooks;

import dev.statecraft.webhooks.WebhookVerifier.Verification;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * GitHub: {@code X-Hub-Signature-256: sha256=<hex>} over the body. GitHub signs no timestamp, so
 * the window does not apply; {@code X-GitHub-Delivery} is required because it names the execution.
 */
final class GitHubCheck implements SignatureCheck {
  static final String SIGNATURE = "X-Hub-Signature-256";
  static final String DELIVERY = "X-GitHub-Delivery";
  static final String EVENT = "X-GitHub-Event";
  private static final String PREFIX = "sha256=";

  private final List<byte[]> keys;

  GitHubCheck(List<byte[]> keys) {
    this.keys = keys;
  }

  @Override
  public String deliveryIdHeader() {
    return DELIVERY;
  }

  @Override
  public Verification verify(WebhookRequest request, TimestampWindow window) {
    List<String> header = request.headerValues(SIGNATURE);
    Optional<String> delivery = request.single(DELIVERY).filter(s -> !s.isEmpty());
    if (header.isEmpty()) {
      return SignatureCheck.missing(SIGNATURE);
    }
    if (delivery.isEmpty()) {
      return SignatureCheck.missing(DELIVERY);
    }
    List<byte[]> candidates = Hmac.hexSignatures(PREFIX, header);
    if (candidates.isEmpty()) {
      return Verification.rejected(SIGNATURE + " has no sha256= signature");
    }
    boolean match = Hmac.anyKeyMatches(keys, candidates, request.bodyBytes());
    return match
        ? Verification.verified(OptionalLong.empty(), delivery.get(), String.join(" ", header))
        : SignatureCheck.noMatch();
  }
}
