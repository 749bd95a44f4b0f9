/**
 * What workflow code depends on: the annotations that mark workflows and activities, {@link
 * dev.statecraft.api.Durable} for durable operations, and the exceptions a workflow can throw or
 * catch.
 *
 * <p>A workflow is an ordinary Java class. Statecraft compiles its workflow method into the cloud's
 * own durable state machine (AWS Step Functions, Google Cloud Workflows, Azure Durable Functions),
 * and each activity method into a function, so the cloud provides durability:
 *
 * <pre>{@code
 * @Activities
 * public interface TriageActivities {
 *   @Activity(timeout = "PT30S", retry = @Retry(maxAttempts = 3))
 *   Classification classify(Ticket ticket);
 * }
 *
 * @Workflow
 * public class SupportTriage {
 *   private final TriageActivities act = Durable.activities(TriageActivities.class);
 *
 *   @WorkflowMethod
 *   public String run(Ticket ticket) {
 *     Classification c = act.classify(ticket);
 *     return c.category();
 *   }
 * }
 * }</pre>
 *
 * <p>This package has no dependencies, so activity implementations and tests can use it anywhere.
 */
package dev.statecraft.api;
