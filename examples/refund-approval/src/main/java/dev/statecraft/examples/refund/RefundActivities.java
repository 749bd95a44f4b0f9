package dev.statecraft.examples.refund;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.Callback;
import dev.statecraft.api.Retry;
import dev.statecraft.api.Secret;

/**
 * The steps of a refund that touch the outside world. Reviewers are asked on Slack when the secret
 * {@code REFUND_REVIEW_WEBHOOK} (an incoming webhook's URL) has a value.
 */
@Activities
@Secret("REFUND_REVIEW_WEBHOOK")
public interface RefundActivities {
  /** Rates the refund's risk from its amount and reason. */
  @Activity(timeout = "PT10S")
  Assessment assess(RefundRequest request);

  /**
   * Asks a reviewer to decide, handing over the callback that carries the answer back. Returns at
   * once: the workflow then waits for the answer, not this call.
   */
  @Activity(timeout = "PT30S", retry = @Retry(maxAttempts = 3, initialInterval = "PT2S"))
  void askReviewer(RefundRequest request, Assessment risk, Callback callback);

  /** Pays the money back; payment providers fail now and then, so it is retried. */
  @Activity(
      timeout = "PT1M",
      retry =
          @Retry(
              maxAttempts = 5,
              initialInterval = "PT1S",
              backoffRate = 2.0,
              maxInterval = "PT30S",
              retryOn = PaymentProviderUnavailable.class))
  String issueRefund(RefundRequest request);

  /** Tells the customer the outcome. */
  @Activity(timeout = "PT30S", retry = @Retry(maxAttempts = 3))
  void notifyCustomer(RefundRequest request, String message);
}
