package dev.statecraft.llm;

/**
 * No target of a route answered: each was rate limited, timed out, failed with a server error, was
 * unreachable, cooling down or had no key. Worth a retry later: name it in the activity's
 * {@code @Retry(retryOn = ModelsUnavailable.class)}. The message lists every target and why it did
 * not answer.
 */
public class ModelsUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** For fakes of activities in tests, and for the router. */
  public ModelsUnavailable(String message) {
    super(message);
  }
}
