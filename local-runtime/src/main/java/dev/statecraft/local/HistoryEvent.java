package dev.statecraft.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One entry of an execution's history, shaped like an event of Step Functions' {@code
 * GetExecutionHistory}.
 *
 * <p>{@code type} is the AWS event type ({@code ExecutionStarted}, {@code PassStateEntered}, {@code
 * TaskScheduled}, {@code TaskFailed}, {@code MapIterationStarted}, {@code ExecutionSucceeded},
 * ...). {@code details} holds the fields AWS puts in the matching {@code ...EventDetails} object,
 * for example {@code {"name":"A","input":"{...}"}} for a state entered event (input and output are
 * JSON text, as in AWS) or {@code {"error":...,"cause":...}} for a failure.
 *
 * @param id 1-based, consecutive within one execution
 * @param previousEventId the id of the event this one follows from, 0 for the first
 * @param timestamp when the engine recorded it, on the engine's {@link TimeSource}
 * @param type the AWS event type
 * @param details the event's details; treat it as read-only
 */
public record HistoryEvent(
    long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {}
