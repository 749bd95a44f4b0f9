package dev.statecraft.webhooks;

/**
 * A request the receiver answers with an error: thrown by each step, caught once in {@link
 * WebhookReceiver#receive}. It has no stack trace; it is an answer, not a failure.
 */
final class Refusal extends Exception {
  private final int status;

  Refusal(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  WebhookResponse response() {
    return WebhookResponse.error(status, getMessage());
  }
}
