package dev.statecraft.examples.triage;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.Retry;

/** The steps of ticket triage that talk to language models. */
@Activities
public interface TriageActivities {
  /** Classifies a ticket with a cheap, fast model. */
  @Activity(
      timeout = "PT30S",
      retry =
          @Retry(
              maxAttempts = 3,
              initialInterval = "PT2S",
              backoffRate = 2.0,
              maxInterval = "PT10S"))
  Classification classify(Ticket ticket);

  /** Drafts a reply to the customer with the given model. */
  @Activity(
      timeout = "PT2M",
      retry = @Retry(maxAttempts = 4, initialInterval = "PT1S", retryOn = ModelUnavailable.class))
  Reply draftReply(Ticket ticket, String category, String model);
}
