/**
 * Runs compiled workflows on Azure Durable Functions. Generated orchestrators call activities
 * through {@link dev.statecraft.azure.DurableActivities}, which adds what Durable Functions leaves
 * to the caller: a per-attempt timeout, retries filtered by error type, and failures named by the
 * activity's exception class. Generated activity functions answer through {@link
 * dev.statecraft.azure.ActivityFunctions}.
 */
package dev.statecraft.azure;
