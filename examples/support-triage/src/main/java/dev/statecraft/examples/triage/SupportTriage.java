package dev.statecraft.examples.triage;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Webhook;
import dev.statecraft.api.WebhookScheme;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;

/**
 * Triage for support tickets: a cheap model classifies every ticket; simple ones get a reply from
 * the cheap model, complex or uncertain ones are escalated to a stronger model.
 */
@Workflow
@Webhook(
    path = "tickets",
    scheme = WebhookScheme.STANDARD_WEBHOOKS,
    secretEnv = "TICKETS_WEBHOOK_SECRET")
public class SupportTriage {
  private static final double CONFIDENCE_THRESHOLD = 0.7;
  private static final String CHEAP_MODEL = "small";
  private static final String STRONG_MODEL = "large";

  private final TriageActivities act = Durable.activities(TriageActivities.class);

  @WorkflowMethod
  public TriageResult run(Ticket ticket) {
    if (ticket.body().trim().isEmpty()) {
      throw new WorkflowFailure("EmptyTicket", "ticket " + ticket.id() + " has no text");
    }
    Classification c = act.classify(ticket);
    boolean escalate = c.category().equals("complex") || c.confidence() < CONFIDENCE_THRESHOLD;
    Reply reply;
    if (escalate) {
      reply = act.draftReply(ticket, c.category(), STRONG_MODEL);
    } else {
      reply = act.draftReply(ticket, c.category(), CHEAP_MODEL);
    }
    String summary =
        "["
            + c.category()
            + " @ "
            + c.confidence()
            + "] "
            + ticket.subject()
            + " -> "
            + reply.model();
    return new TriageResult(
        ticket.id(),
        c.category(),
        c.confidence(),
        escalate,
        reply.text(),
        reply.model(),
        reply.inputTokens() + reply.outputTokens(),
        summary);
  }
}
