package dev.statecraft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts the workflow from a signed HTTP request: {@code POST /webhooks/{path}}. The request body,
 * read as the workflow method's parameter type, is the execution's input; the sender's delivery id
 * is the execution's name, so a redelivered event never starts a second execution.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>{@code path} is one or more segments of lower-case letters, digits and dashes separated by
 *       {@code /} ({@code "orders"}, {@code "github/issues"}), unique in the project;
 *   <li>{@code secretEnv} names the signing secret, in upper case with underscores: an environment
 *       variable when the workflow runs locally ({@code statecraft serve}), a Secrets Manager
 *       secret on AWS. It may hold several secrets separated by spaces while you rotate them;
 *   <li>a request that is unsigned, badly signed, signed with another secret, older or newer than
 *       {@code toleranceSeconds}, or already accepted is answered 401 and starts nothing; a body
 *       that does not fit the parameter type 400; a body over 256 KiB 413; an accepted one 202 with
 *       the execution's ARN;
 *   <li>a form-encoded body ({@code application/x-www-form-urlencoded}, as Slack's slash commands
 *       send) is read as an object of its fields.
 * </ul>
 *
 * <p>The annotation is repeatable: one workflow can be started by several senders.
 *
 * <pre>{@code
 * @Workflow
 * @Webhook(path = "orders", scheme = WebhookScheme.STANDARD_WEBHOOKS, secretEnv = "ORDERS_WEBHOOK_SECRET")
 * @Webhook(path = "stripe", scheme = WebhookScheme.STRIPE, secretEnv = "STRIPE_WEBHOOK_SECRET")
 * public class FulfilOrder {
 *   @WorkflowMethod
 *   public Receipt run(OrderEvent event) { ... }
 * }
 * }</pre>
 *
 * <p>Try it locally: {@code ORDERS_WEBHOOK_SECRET=whsec_... ./statecraft serve --source .}, then
 * post a signed request to {@code http://localhost:8083/webhooks/orders}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Webhook.List.class)
public @interface Webhook {
  /** The route under {@code /webhooks/}: {@code "orders"} serves {@code /webhooks/orders}. */
  String path();

  /** How the sender signs its requests. Default: Standard Webhooks. */
  WebhookScheme scheme() default WebhookScheme.STANDARD_WEBHOOKS;

  /**
   * The name of the signing secret, such as {@code "ORDERS_WEBHOOK_SECRET"}: an environment
   * variable locally, a Secrets Manager secret on AWS.
   */
  String secretEnv();

  /**
   * How far a signed timestamp may lie from the receiver's clock, either way, in seconds. Default:
   * five minutes. GitHub signs no timestamp, so it does not apply there.
   */
  int toleranceSeconds() default 300;

  /** Holds repeated {@link Webhook} annotations; write {@code @Webhook} twice instead. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    /** The webhooks. */
    Webhook[] value();
  }
}
