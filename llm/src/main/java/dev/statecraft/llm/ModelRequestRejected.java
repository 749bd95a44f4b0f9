package dev.statecraft.llm;

/**
 * A target refused the request itself (a 4xx other than 429: a bad request, a bad or missing key,
 * an unknown model). The router does not fall back on it, since the next target would be asked the
 * same thing, and a retry would fail the same way. The message says the status and the provider's
 * reason, with the key withheld should the provider quote it.
 */
public class ModelRequestRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** For fakes of activities in tests, and for the router. */
  public ModelRequestRejected(String message) {
    super(message);
  }
}
