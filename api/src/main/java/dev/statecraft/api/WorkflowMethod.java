package dev.statecraft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one public method of a {@link Workflow} class that runs as the workflow.
 *
 * <p>It takes zero or one parameter, the execution's input, decoded from JSON; its return value is
 * the execution's output, encoded as JSON ({@code void} gives {@code null}). Throwing {@link
 * WorkflowFailure} fails the execution with that error.
 *
 * <pre>{@code
 * @WorkflowMethod
 * public Reply run(Ticket ticket) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WorkflowMethod {}
