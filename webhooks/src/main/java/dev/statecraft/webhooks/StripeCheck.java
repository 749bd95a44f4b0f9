package dev.statecraft.webhooks;

import dev.statecraft.webhooks.WebhookVerifier.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Stripe: {@code Stripe-Signature: t=<unix>,v1=<hex>,v1=<hex>,v0=<hex>} over {@code t.body}, keyed
 * by the {@code whsec_...} text itself. Only {@code v1} counts; there is one per active secret
 * while Stripe rolls a secret.
 */
final class StripeCheck implements SignatureCheck {
  static final String SIGNATURE = "Stripe-Signature";

  private final List<byte[]> keys;

  StripeCheck(List<byte[]> keys) {
    this.keys = keys;
  }

  @Override
  public String deliveryIdHeader() {
    return null;
  }

  @Override
  public Verification verify(WebhookRequest request, TimestampWindow window) {
    Optional<String> header = request.single(SIGNATURE);
    if (header.isEmpty()) {
      return SignatureCheck.missing(SIGNATURE);
    }
    List<String> timestamps = new ArrayList<>();
    List<byte[]> candidates = new ArrayList<>();
    for (String item : header.get().split(",")) {
      int eq = item.indexOf('=');
      String key = eq < 0 ? item.trim() : item.substring(0, eq).trim();
      String value = eq < 0 ? "" : item.substring(eq + 1).trim();
      if (key.equals("t")) {
        timestamps.add(value);
      } else if (key.equals("v1")) {
        Hmac.fromHex(value).ifPresent(candidates::add);
      }
    }
    if (timestamps.size() != 1) {
      return Verification.rejected(SIGNATURE + " needs exactly one t=");
    }
    OptionalLong signedAt = TimestampWindow.parse(timestamps.get(0));
    if (signedAt.isEmpty()) {
      return Verification.rejected(SIGNATURE + " t= is not a unix time in seconds");
    }
    if (candidates.isEmpty()) {
      return Verification.rejected(SIGNATURE + " has no v1 signature");
    }
    byte[] prefix = Utf8.bytes(timestamps.get(0) + ".");
    boolean match = Hmac.anyKeyMatches(keys, candidates, prefix, request.bodyBytes());
    if (!match) {
      return SignatureCheck.noMatch();
    }
    return window
        .problem(signedAt.getAsLong())
        .map(Verification::rejected)
        .orElseGet(() -> Verification.verified(signedAt, null, header.get()));
  }
}
