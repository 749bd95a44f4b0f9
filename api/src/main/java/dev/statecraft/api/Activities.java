package dev.statecraft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose methods are activities: the steps of a workflow that talk to the outside
 * world (models, APIs, databases). Each method becomes one function in the cloud (an AWS Lambda
 * function, a Cloud Run function, an Azure activity function) that calls the one class in the
 * project implementing this interface.
 *
 * <p>Rules: parameters and return types are JSON-friendly values (strings, numbers, booleans,
 * records, lists); methods may be annotated {@link Activity} to set a timeout and a retry policy;
 * an exception thrown by the implementation fails the activity with an error named by the
 * exception's class. The implementing class has a public no-argument constructor.
 *
 * <pre>{@code
 * @Activities
 * public interface TriageActivities {
 *   @Activity(timeout = "PT30S", retry = @Retry(maxAttempts = 3))
 *   Classification classify(Ticket ticket);
 *
 *   Reply answer(Ticket ticket, String model);
 * }
 * }</pre>
 *
 * <p>Workflow code calls activities through a stub: {@code private final TriageActivities act =
 * Durable.activities(TriageActivities.class);}. Activities run at least once: make them idempotent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Activities {}
