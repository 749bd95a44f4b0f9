package dev.statecraft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a secret that the activities of an {@link Activities} interface read with {@link
 * Secrets#get}: an API key, a token, a password.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>the name is upper case with digits and underscores, as an environment variable's ({@code
 *       "OPENAI_API_KEY"});
 *   <li>locally ({@code run}, {@code serve}, {@code statecraft-testing}) the value is the
 *       environment variable of that name; on AWS it is a Secrets Manager secret the deployment
 *       creates empty (you set its value; it is never in a template) and grants only to the
 *       functions of interfaces that declare it. It is read once per cold start and cached;
 *   <li>only activities read secrets: {@code Secrets.get} in workflow code is the compile error
 *       {@code SECRET_IN_WORKFLOW}, since workflow state is recorded in the execution's history;
 *   <li>an activity that reads a secret it does not declare fails, as it would on AWS, where it has
 *       no permission to read it.
 * </ul>
 *
 * <p>A secret's value never reaches workflow state, histories, logs, traces or error messages: an
 * activity whose result, or whose exception's message, holds the value of a secret read there fails
 * with the error {@code dev.statecraft.adapters.SecretLeak}, which names the secret and withholds
 * the rest. (Values shorter than six characters are not looked for.)
 *
 * <pre>{@code
 * @Activities
 * @Secret("OPENAI_API_KEY")
 * public interface TriageActivities {
 *   Classification classify(Ticket ticket);
 * }
 *
 * public class TriageActivitiesImpl implements TriageActivities {
 *   public Classification classify(Ticket ticket) {
 *     String key = Secrets.get("OPENAI_API_KEY");
 *     ...
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Secret.List.class)
public @interface Secret {
  /** The secret's name, such as {@code "OPENAI_API_KEY"}. */
  String value();

  /** Holds repeated {@link Secret} annotations; write {@code @Secret} twice instead. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    /** The secrets. */
    Secret[] value();
  }
}
