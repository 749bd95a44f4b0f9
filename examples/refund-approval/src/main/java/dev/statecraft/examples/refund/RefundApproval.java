package dev.statecraft.examples.refund;

import dev.statecraft.api.CallbackTimeout;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Webhook;
import dev.statecraft.api.WebhookScheme;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;
import java.time.Duration;

/**
 * Refunds with a human in the loop: small, low-risk refunds go through at once; the others wait, at
 * no cost and for up to a day, for a reviewer to approve or decline them through a callback URL.
 * Nobody answering declines the refund. Refund requests arrive as signed webhooks (Standard
 * Webhooks) on {@code /webhooks/refunds}.
 */
@Workflow
@Webhook(
    path = "refunds",
    scheme = WebhookScheme.STANDARD_WEBHOOKS,
    secretEnv = "REFUNDS_WEBHOOK_SECRET")
public class RefundApproval {
  private static final double AUTO_APPROVE_LIMIT = 50.0;

  private final RefundActivities act = Durable.activities(RefundActivities.class);

  @WorkflowMethod
  public RefundOutcome run(RefundRequest request) {
    if (request.amount() <= 0) {
      throw new WorkflowFailure(
          "InvalidAmount", "refund " + request.id() + " asks for " + request.amount());
    }
    Assessment risk = act.assess(request);
    Decision decision;
    if (request.amount() <= AUTO_APPROVE_LIMIT && risk.level().equals("low")) {
      decision = new Decision(true, "policy", "low risk, at most " + AUTO_APPROVE_LIMIT);
    } else {
      try {
        decision =
            Durable.awaitCallback(
                Decision.class, Duration.ofHours(24), cb -> act.askReviewer(request, risk, cb));
      } catch (CallbackTimeout e) {
        decision = new Decision(false, "nobody", "no answer within 24 hours");
      }
    }
    if (!decision.approved()) {
      act.notifyCustomer(
          request,
          "Your refund request " + request.id() + " was declined: " + decision.note() + ".");
      return new RefundOutcome(
          request.id(), "declined", risk.level(), decision.reviewer(), "", decision.note());
    }
    String refundId = act.issueRefund(request);
    act.notifyCustomer(
        request,
        "We refunded "
            + request.amount()
            + " for order "
            + request.orderId()
            + " ("
            + refundId
            + ").");
    return new RefundOutcome(
        request.id(), "refunded", risk.level(), decision.reviewer(), refundId, decision.note());
  }
}
