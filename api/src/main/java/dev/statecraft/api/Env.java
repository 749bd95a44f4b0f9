package dev.statecraft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Plain configuration for the activities of an {@link Activities} interface: an environment
 * variable set on each of their functions, which the implementation reads with {@link
 * System#getenv(String)}. For credentials use {@link Secret} instead: environment variables are
 * visible in the function's configuration and in the deployment template.
 *
 * <p>Rules: the name is upper case with digits and underscores and does not start with {@code AWS_}
 * or {@code LAMBDA_} (Lambda reserves those); the value is a literal. Deploying sets it on each
 * function of the interface unless the deployment overrides it ({@code statecraft synth --env
 * NAME=VALUE} or the CDK app's context {@code -c env.NAME=VALUE}). {@code statecraft run} and
 * {@code serve} run activities in their own process, whose environment a program cannot change:
 * they list the declared variables your shell does not set, with the values a deployment would give
 * them.
 *
 * <pre>{@code
 * @Activities
 * @Env(name = "SUPPORT_MODEL", value = "gpt-4o-mini")
 * public interface TriageActivities { ... }
 *
 * String model = System.getenv("SUPPORT_MODEL");
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Env.List.class)
public @interface Env {
  /** The variable's name, such as {@code "SUPPORT_MODEL"}. */
  String name();

  /** Its value, unless the deployment or the local environment sets another. */
  String value();

  /** Holds repeated {@link Env} annotations; write {@code @Env} twice instead. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    /** The variables. */
    Env[] value();
  }
}
