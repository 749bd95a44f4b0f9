package dev.statecraft.examples.triage;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.Env;
import dev.statecraft.api.Retry;
import dev.statecraft.api.Secret;

/**
 * The steps of ticket triage that talk to language models: OpenAI (or a compatible endpoint) when
 * the secret {@code OPENAI_API_KEY} has a value, a deterministic local stand-in otherwise.
 */
@Activities
@Secret("OPENAI_API_KEY")
@Env(name = "STATECRAFT_SMALL_MODEL", value = "gpt-4o-mini")
@Env(name = "STATECRAFT_LARGE_MODEL", value = "gpt-4o")
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
