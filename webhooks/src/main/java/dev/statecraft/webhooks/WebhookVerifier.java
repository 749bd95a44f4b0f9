package dev.statecraft.webhooks;

import dev.statecraft.api.WebhookScheme;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks that a webhook request was signed by its sender: one {@link WebhookScheme}, a list of
 * signing secrets, and how far a signed timestamp may lie from a clock. {@link WebhookReceiver}
 * uses it for every route; use it on its own when you only need the signature check.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>the signature is computed over the raw body bytes and compared in constant time;
 *   <li>any one of several secrets verifying is enough (the receiver's side of a rotation: old and
 *       new both accepted), and so is any one of several signatures in the request (the sender's
 *       side: Standard Webhooks and Stripe sign with each active key). Signature versions other
 *       than the scheme's ({@code v1a}, Stripe's {@code v0}) are ignored;
 *   <li>a signed timestamp more than {@code tolerance} before or after {@code clock}'s time is
 *       refused, and so is one that is not unix seconds. GitHub signs no timestamp, so the
 *       tolerance does not apply to it;
 *   <li>each secret has at least {@value #MIN_SECRET_LENGTH} characters. A Standard Webhooks secret
 *       is {@code whsec_} and base64 ({@code whsec_} may be left off). Stripe, GitHub and Slack use
 *       the secret's UTF-8 text as the key.
 * </ul>
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(
 *     WebhookScheme.GITHUB, List.of(secret), Duration.ofMinutes(5), Clock.systemUTC());
 * WebhookVerifier.Verification v = verifier.verify(request);
 * if (!v.verified()) {
 *   throw new NotAuthorizedException(v.problem().orElseThrow());
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WebhookVerifier {
  /** The fewest characters a signing secret may have. */
  public static final int MIN_SECRET_LENGTH = 16;

  private final WebhookScheme scheme;
  private final SignatureCheck check;
  private final TimestampWindow window;

  private WebhookVerifier(WebhookScheme scheme, SignatureCheck check, TimestampWindow window) {
    this.scheme = scheme;
    this.check = check;
    this.window = window;
  }

  /**
   * A verifier for requests of {@code scheme} signed with any of {@code secrets}.
   *
   * @param tolerance how far a signed timestamp may lie from {@code clock}, either way; positive
   * @throws IllegalArgumentException when {@code secrets} is empty, or one of them cannot be a key
   *     for {@code scheme} (the message never contains a secret)
   */
  public static WebhookVerifier of(
      WebhookScheme scheme, List<String> secrets, Duration tolerance, Clock clock) {
    return tryOf(scheme, secrets, tolerance, clock)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "expected one or more "
                        + scheme
                        + " signing secrets of at least "
                        + MIN_SECRET_LENGTH
                        + " characters"
                        + (scheme == WebhookScheme.STANDARD_WEBHOOKS
                            ? ", each whsec_ followed by base64"
                            : "")));
  }

  /** {@link #of}, or empty when the secrets cannot be keys for {@code scheme}. */
  static Optional<WebhookVerifier> tryOf(
      WebhookScheme scheme, List<String> secrets, Duration tolerance, Clock clock) {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(clock, "clock");
    if (tolerance.isNegative() || tolerance.isZero()) {
      throw new IllegalArgumentException("tolerance must be positive, not " + tolerance);
    }
    List<String> keys = List.copyOf(secrets);
    if (keys.isEmpty() || keys.stream().anyMatch(s -> s.length() < MIN_SECRET_LENGTH)) {
      return Optional.empty();
    }
    TimestampWindow window = new TimestampWindow(clock, tolerance.toSeconds());
    return check(scheme, keys).map(c -> new WebhookVerifier(scheme, c, window));
  }

  private static Optional<SignatureCheck> check(WebhookScheme scheme, List<String> secrets) {
    List<byte[]> utf8 = secrets.stream().map(Utf8::bytes).toList();
    return switch (scheme) {
      case STANDARD_WEBHOOKS -> StandardWebhooksCheck.of(secrets);
      case STRIPE -> Optional.of(new StripeCheck(utf8));
      case GITHUB -> Optional.of(new GitHubCheck(utf8));
      case SLACK -> Optional.of(new SlackCheck(utf8));
    };
  }

  /** The scheme this verifier checks. */
  public WebhookScheme scheme() {
    return scheme;
  }

  /** Whether {@code request} carries a valid signature of this scheme, and what it signed. */
  public Verification verify(WebhookRequest request) {
    return check.verify(request, window);
  }

  /**
   * The outcome of {@link #verify}: either verified, with what the signature covers, or refused
   * with a {@link #problem()} that is safe to send back (it never quotes a secret, a signature or
   * the body).
   */
  public static final class Verification {
    private final String problem;
    private final OptionalLong signedAt;
    private final String deliveryId;
    private final String signature;

    private Verification(
        String problem, OptionalLong signedAt, String deliveryId, String signature) {
      this.problem = problem;
      this.signedAt = signedAt;
      this.deliveryId = deliveryId;
      this.signature = signature;
    }

    static Verification rejected(String problem) {
      return new Verification(problem, OptionalLong.empty(), null, null);
    }

    static Verification verified(OptionalLong signedAt, String deliveryId, String signature) {
      return new Verification(null, signedAt, deliveryId, signature);
    }

    /** Whether the request is authentic and inside the timestamp window. */
    public boolean verified() {
      return problem == null;
    }

    /** Why the request was refused, such as {@code "no signature matches"}; empty if verified. */
    public Optional<String> problem() {
      return Optional.ofNullable(problem);
    }

    /** The signed timestamp in unix seconds; empty when refused, and always for GitHub. */
    public OptionalLong signedAt() {
      return signedAt;
    }

    /**
     * The delivery id the headers carry: {@code webhook-id} for Standard Webhooks, {@code
     * X-GitHub-Delivery} for GitHub. Empty for Stripe and Slack, whose ids are in the body, and
     * when refused.
     */
    public Optional<String> deliveryId() {
      return Optional.ofNullable(deliveryId);
    }

    /** The signature header as verified, for replay fingerprints; {@code null} when refused. */
    String signature() {
      return signature;
    }

    @Override
    public String toString() {
      return verified() ? "Verification{verified}" : "Verification{refused: " + problem + "}";
    }
  }
}
