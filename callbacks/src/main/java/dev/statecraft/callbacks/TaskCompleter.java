package dev.statecraft.callbacks;

/**
 * Completes the task waiting for a token: Step Functions' {@code SendTaskSuccess} and {@code
 * SendTaskFailure}, on AWS or on the embedded engine.
 */
public interface TaskCompleter {
  /** Why a token was refused. */
  enum Refusal {
    /** Not a token this state machine service issued. */
    INVALID_TOKEN,
    /** The task is gone: answered already, timed out, or its execution ended. */
    TASK_GONE
  }

  /** A refused token; its message must not contain the token. */
  final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final Refusal reason;

    /**
     * @param reason why
     * @param message what the service said, without the token
     */
    public Refused(Refusal reason, String message) {
      super(message);
      this.reason = reason;
    }

    /** Why the token was refused. */
    public Refusal reason() {
      return reason;
    }
  }

  /** Completes the waiting task with {@code json} as its result. */
  void succeed(String token, String json) throws Refused;

  /** Fails the waiting task with {@code error} and {@code cause}. */
  void fail(String token, String error, String cause) throws Refused;
}
