package dev.statecraft.local;

import java.time.Instant;

/**
 * A state machine as the engine stores it, what Step Functions' {@code DescribeStateMachine}
 * reports about it.
 *
 * @param name the state machine's name
 * @param arn {@code arn:aws:states:us-east-1:000000000000:stateMachine:NAME}
 * @param definition the ASL definition as JSON text, exactly as it was created or last updated
 * @param creationDate when it was first created; replacing the definition keeps it
 * @param updateDate when the definition was last written, the creation included
 */
public record StateMachineDescription(
    String name, String arn, String definition, Instant creationDate, Instant updateDate) {}
