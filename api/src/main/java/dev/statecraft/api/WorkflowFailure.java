package dev.statecraft.api;

/**
 * Fails the execution with an error name and a cause. Throw it from workflow code to end the
 * execution as failed; on AWS it becomes a {@code Fail} state with this {@code Error} and {@code
 * Cause}.
 *
 * <pre>{@code
 * if (ticket.text().isEmpty()) {
 *   throw new WorkflowFailure("EmptyTicket", "ticket " + ticket.id() + " has no text");
 * }
 * }</pre>
 *
 * <p>Error names are short identifiers such as {@code "EmptyTicket"}; names starting with {@code
 * States.} are reserved by the clouds.
 */
public class WorkflowFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String error;
  private final String cause;

  /**
   * @param error the error name the execution fails with
   * @param cause a human-readable explanation
   */
  public WorkflowFailure(String error, String cause) {
    super(error + ": " + cause);
    this.error = error;
    this.cause = cause;
  }

  /** The error name the execution fails with. */
  public String error() {
    return error;
  }

  /** The human-readable explanation of the failure. */
  public String cause() {
    return cause;
  }

  @Override
  public String getMessage() {
    return cause;
  }
}
