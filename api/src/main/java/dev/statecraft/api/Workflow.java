package dev.statecraft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a durable workflow. The class has exactly one public method annotated {@link
 * WorkflowMethod}; Statecraft compiles that method into a state machine.
 *
 * <p>Rules for the class:
 *
 * <ul>
 *   <li>its only fields are activity stubs, {@code private final X act =
 *       Durable.activities(X.class);}, where {@code X} is an {@link Activities} interface;
 *   <li>workflow code is deterministic: it reaches the outside world only through activities and
 *       {@link Durable}, never through I/O, clocks, randomness or threads;
 *   <li>values are {@code String}, {@code int}, {@code long}, {@code double}, {@code boolean},
 *       records of those, and {@code List}s of them.
 * </ul>
 *
 * <pre>{@code
 * @Workflow(name = "support-triage")
 * public class SupportTriage { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Workflow {
  /**
   * The workflow's name in the cloud: the state machine, the Cloud Workflows workflow and the
   * Durable Functions orchestrator are called this. Default: the kebab-case of the class's simple
   * name ({@code SupportTriage} becomes {@code support-triage}).
   */
  String name() default "";

  /**
   * How the cloud runs and bills it: {@link WorkflowType#STANDARD} (the default) or {@link
   * WorkflowType#EXPRESS} for short, high-volume workflows ({@code @Workflow(type =
   * WorkflowType.EXPRESS)}).
   */
  WorkflowType type() default WorkflowType.STANDARD;
}
