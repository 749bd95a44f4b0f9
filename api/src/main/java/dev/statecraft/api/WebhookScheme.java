package dev.statecraft.api;

/**
 * How a {@link Webhook} proves that a request comes from its sender: each scheme is the signature
 * format one family of senders uses. Every scheme signs the raw request body with an HMAC-SHA256
 * key (the webhook's signing secret); a request whose signature does not verify is answered 401 and
 * starts nothing.
 *
 * <table>
 *   <caption>The schemes</caption>
 *   <tr><th>scheme</th><th>headers</th><th>secret</th><th>delivery id (the execution name)</th></tr>
 *   <tr><td>{@link #STANDARD_WEBHOOKS}</td><td>{@code webhook-id}, {@code webhook-timestamp},
 *       {@code webhook-signature}</td><td>{@code whsec_...}</td><td>{@code webhook-id}</td></tr>
 *   <tr><td>{@link #STRIPE}</td><td>{@code Stripe-Signature}</td><td>{@code whsec_...}</td>
 *       <td>the event's {@code id}</td></tr>
 *   <tr><td>{@link #GITHUB}</td><td>{@code X-Hub-Signature-256}</td><td>any text</td>
 *       <td>{@code X-GitHub-Delivery}</td></tr>
 *   <tr><td>{@link #SLACK}</td><td>{@code X-Slack-Signature}, {@code X-Slack-Request-Timestamp}</td>
 *       <td>the app's signing secret</td><td>the event's {@code event_id}</td></tr>
 * </table>
 */
public enum WebhookScheme {
  /**
   * The <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> specification (Svix,
   * OpenAI, Twilio, Resend, Clerk and others): {@code v1} signatures over {@code
   * id.timestamp.body}, several at once while a sender rotates its key.
   */
  STANDARD_WEBHOOKS,
  /** Stripe's {@code Stripe-Signature: t=...,v1=...} over {@code timestamp.body}. */
  STRIPE,
  /**
   * GitHub's {@code X-Hub-Signature-256: sha256=...} over the body. GitHub signs no timestamp, so
   * only the delivery id protects against replays; {@code ping} events are answered without
   * starting anything.
   */
  GITHUB,
  /**
   * Slack's {@code X-Slack-Signature: v0=...} over {@code v0:timestamp:body}. The {@code
   * url_verification} challenge is answered without starting anything.
   */
  SLACK
}
