package dev.statecraft.webhooks;

import dev.statecraft.webhooks.WebhookVerifier.Verification;

/** One scheme's signature format, holding the keys it verifies with. */
interface SignatureCheck {
  Verification verify(WebhookRequest request, TimestampWindow window);

  /** The header that carries the delivery id, or {@code null} when the body carries it. */
  String deliveryIdHeader();

  static Verification missing(String header) {
    return Verification.rejected("expected exactly one " + header + " header");
  }

  static Verification noMatch() {
    return Verification.rejected("no signature matches");
  }
}
