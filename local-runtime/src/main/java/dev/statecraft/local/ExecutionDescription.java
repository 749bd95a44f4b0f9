package dev.statecraft.local;

import java.time.Instant;

/**
 * Everything the engine knows about one execution at a moment, what Step Functions' {@code
 * DescribeExecution} reports.
 *
 * @param executionArn {@code arn:aws:states:us-east-1:000000000000:execution:SM_NAME:EXEC_NAME}
 * @param name the execution's name
 * @param stateMachineName the name of the state machine it runs
 * @param stateMachineArn that state machine's ARN
 * @param status where the execution is
 * @param inputJson the input as JSON text
 * @param outputJson the output as JSON text when {@link ExecutionStatus#SUCCEEDED}, else null
 * @param error the error name when it failed, timed out or was stopped with one, else null
 * @param cause the cause when it failed, timed out or was stopped with one, else null
 * @param startDate when it started
 * @param stopDate when it finished, null while {@link ExecutionStatus#RUNNING}
 * @param stateTransitions how many states were entered so far (see {@link ExecutionResult})
 */
public record ExecutionDescription(
    String executionArn,
    String name,
    String stateMachineName,
    String stateMachineArn,
    ExecutionStatus status,
    String inputJson,
    String outputJson,
    String error,
    String cause,
    Instant startDate,
    Instant stopDate,
    long stateTransitions) {}
