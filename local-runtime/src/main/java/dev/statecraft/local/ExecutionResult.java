package dev.statecraft.local;

/**
 * What an execution produced, or how far it has come while still {@link ExecutionStatus#RUNNING}.
 *
 * @param executionArn {@code arn:aws:states:us-east-1:000000000000:execution:SM_NAME:EXEC_NAME}
 * @param name the execution's name
 * @param status where the execution is
 * @param outputJson the final output as JSON text when {@link ExecutionStatus#SUCCEEDED}, else null
 * @param error the error name when failed (for example {@code States.Timeout}), else null; also
 *     null for a Fail state without {@code Error}
 * @param cause the human-readable cause when failed, else null
 * @param stateTransitions how many states were entered so far, nested Map and Parallel states
 *     included: what AWS bills a standard workflow for
 */
public record ExecutionResult(
    String executionArn,
    String name,
    ExecutionStatus status,
    String outputJson,
    String error,
    String cause,
    long stateTransitions) {}
