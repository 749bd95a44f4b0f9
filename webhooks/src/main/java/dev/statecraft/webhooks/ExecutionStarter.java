package dev.statecraft.webhooks;

/**
 * Starts an execution of a workflow. The host implements it: on AWS with Step Functions' {@code
 * StartExecution}, locally with the embedded engine.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>the execution is named {@code executionName}, which the {@link WebhookReceiver} derives
 *       from the sender's delivery id. It is already a valid Step Functions execution name: 1 to 80
 *       characters, none of them whitespace, control characters or {@code <>{}[]?*"#%\^|~`$&,;:/};
 *   <li>when an execution of that name exists, start nothing and return {@link
 *       StartedExecution#existing}. Step Functions does this for you: {@code StartExecution} with a
 *       name already used answers {@code ExecutionAlreadyExists} (or, while an execution with the
 *       same name and input is still running, returns that execution again). This is what
 *       guarantees that a redelivered event never starts a second execution, even when many
 *       processes receive webhooks, each with its own {@link ReplayGuard};
 *   <li>any exception is answered 502 with a generic message, so the sender retries later.
 * </ul>
 *
 * <pre>{@code
 * ExecutionStarter starter = (workflow, name, input) -> {
 *   try {
 *     String arn = sfn.startExecution(r -> r.stateMachineArn(arnOf(workflow)).name(name).input(input))
 *         .executionArn();
 *     return StartedExecution.started(arn);
 *   } catch (ExecutionAlreadyExistsException e) {
 *     return StartedExecution.existing(executionArnOf(workflow, name));
 *   }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface ExecutionStarter {
  /**
   * Starts {@code workflowName} as {@code executionName} with {@code inputJson}, or finds the
   * execution of that name.
   *
   * @param workflowName the workflow's cloud name, {@link
   *     dev.statecraft.manifest.WorkflowSpec#name()}
   * @param executionName the execution's name, derived from the delivery id
   * @param inputJson the execution's input: the request body, or for a form-encoded body the JSON
   *     object of its fields
   * @return the execution, new or existing; never {@code null}
   * @throws Exception when the execution could not be started; the sender is answered 502
   */
  StartedExecution start(String workflowName, String executionName, String inputJson)
      throws Exception;
}
