package dev.statecraft.referee.azure;

/**
 * What Durable Functions bills for one run, counted by the engine (tools/durabletask-referee) for
 * the instance and its sub-orchestrations, as a later comparison of the clouds' costs reads it.
 *
 * <p>On the Consumption plan every function execution is billed: an orchestrator runs once per
 * episode (each time new events arrive, it replays the whole history from the start), and each
 * activity attempt is one execution. Storage is billed per history row written.
 *
 * @param orchestratorExecutions orchestrator episodes completed by the engine (the first one and
 *     every replay)
 * @param orchestratorReplays episodes that replayed recorded history (all but the first of each
 *     instance)
 * @param replayedEvents history events replayed, summed over the replays
 * @param activityExecutions activity executions completed (each retry attempt counts)
 * @param historyEvents history events stored when the run ended
 * @param instances orchestration instances (1 plus the sub-orchestrations)
 * @param abandonedWorkItems work items given back to the engine unfinished (a worker that died)
 */
public record BilledCounts(
    int orchestratorExecutions,
    int orchestratorReplays,
    int replayedEvents,
    int activityExecutions,
    int historyEvents,
    int instances,
    int abandonedWorkItems) {}
