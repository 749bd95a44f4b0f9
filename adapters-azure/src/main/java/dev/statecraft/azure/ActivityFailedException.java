package dev.statecraft.azure;

/**
 * An activity failed, after its retries: {@link #errorType()} names the exception class the
 * implementation threw ({@code dev.statecraft.api.ActivityTimeout} for a timed-out attempt).
 * Generated orchestrators match {@code catch} clauses against it; uncaught, it fails the
 * orchestration.
 */
public final class ActivityFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorType;
  private final String errorMessage;

  /**
   * @param errorType the fully-qualified class name of the activity's exception
   * @param message the exception's message
   */
  public ActivityFailedException(String errorType, String message) {
    super(errorType + ": " + message);
    this.errorType = errorType;
    this.errorMessage = message;
  }

  /** The activity exception's own message. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The fully-qualified class name of the activity's exception. */
  public String errorType() {
    return errorType;
  }
}
