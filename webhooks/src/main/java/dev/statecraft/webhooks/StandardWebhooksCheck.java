package dev.statecraft.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.statecraft.webhooks.WebhookVerifier.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Standard Webhooks: {@code webhook-signature} lists {@code v1,<base64>} entries, separated by
 * spaces, over {@code id.timestamp.body}. The library computes the expected signature, so the
 * signed-content format is the specification's own; the timestamp window and the comparison are
 * ours, because the library's verify fixes five minutes and the system clock.
 */
final class StandardWebhooksCheck implements SignatureCheck {
  static final String ID = "webhook-id";
  static final String TIMESTAMP = "webhook-timestamp";
  static final String SIGNATURE = "webhook-signature";
  private static final String SECRET_PREFIX = "whsec_";
  private static final String VERSION = "v1,";

  private final List<Webhook> keys;

  private StandardWebhooksCheck(List<Webhook> keys) {
    this.keys = keys;
  }

  /** A check for {@code secrets}, each {@code whsec_} and base64; empty when one is not. */
  static Optional<SignatureCheck> of(List<String> secrets) {
    List<Webhook> keys = new ArrayList<>();
    for (String secret : secrets) {
      String base64 =
          secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
      Optional<byte[]> key = Hmac.fromBase64(base64);
      if (key.isEmpty()) {
        return Optional.empty();
      }
      keys.add(new Webhook(key.get()));
    }
    return Optional.of(new StandardWebhooksCheck(List.copyOf(keys)));
  }

  @Override
  public String deliveryIdHeader() {
    return ID;
  }

  @Override
  public Verification verify(WebhookRequest request, TimestampWindow window) {
    Optional<String> id = request.single(ID).filter(s -> !s.isEmpty());
    Optional<String> timestamp = request.single(TIMESTAMP);
    List<String> header = request.headerValues(SIGNATURE);
    if (id.isEmpty()) {
      return SignatureCheck.missing(ID);
    }
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
    List<byte[]> candidates = candidates(header);
    if (candidates.isEmpty()) {
      return Verification.rejected(SIGNATURE + " has no v1 signature");
    }
    Optional<String> payload = Utf8.decode(request.bodyBytes());
    if (payload.isEmpty()) {
      return Verification.rejected("the body is not UTF-8, so its signature cannot match");
    }
    if (!matches(id.get(), signedAt.getAsLong(), payload.get(), candidates)) {
      return SignatureCheck.noMatch();
    }
    return window
        .problem(signedAt.getAsLong())
        .map(Verification::rejected)
        .orElseGet(() -> Verification.verified(signedAt, id.get(), String.join(" ", header)));
  }

  private boolean matches(String id, long signedAt, String payload, List<byte[]> candidates) {
    boolean match = false;
    for (Webhook key : keys) {
      try {
        String expected = key.sign(id, signedAt, payload).substring(VERSION.length());
        match |= Hmac.matchesAny(Hmac.fromBase64(expected).orElseThrow(), candidates);
      } catch (WebhookSigningException e) {
        throw new IllegalStateException("cannot compute a Standard Webhooks signature", e);
      }
    }
    return match;
  }

  /** The decoded {@code v1} signatures; other versions (such as {@code v1a}) are skipped. */
  private static List<byte[]> candidates(List<String> header) {
    List<byte[]> out = new ArrayList<>();
    for (String value : header) {
      for (String entry : value.trim().split("\\s+")) {
        if (entry.startsWith(VERSION)) {
          Hmac.fromBase64(entry.substring(VERSION.length())).ifPresent(out::add);
        }
      }
    }
    return out;
  }
}
