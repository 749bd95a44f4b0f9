package dev.statecraft.server;

import dev.statecraft.adapters.StrictJson;
import dev.statecraft.api.spi.SecretStore;
import dev.statecraft.callbacks.CallbackReceiver;
import dev.statecraft.local.ExecutionAlreadyExistsException;
import dev.statecraft.local.LocalEngine;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.WorkflowSpec;
import dev.statecraft.webhooks.StartedExecution;
import dev.statecraft.webhooks.WebhookReceiver;
import java.util.Optional;
import java.util.function.BiFunction;

/** The routes a compiled project adds to a local endpoint, built as the cloud builds them. */
final class ProjectRoutes {
  private ProjectRoutes() {}

  /**
   * The project's webhooks: signing secrets from {@code secrets} (the environment, where {@code
   * serve} runs), bodies checked against the workflow's input type, executions started on the
   * engine under the delivery's id.
   */
  static WebhookReceiver webhooks(
      DeploymentManifest manifest, ClassLoader classes, LocalEngine engine, SecretStore secrets) {
    return WebhookReceiver.builder(manifest)
        .secrets(secrets)
        .inputCheck((type, json) -> StrictJson.mismatch(type, json, classes))
        .starter((workflow, name, input) -> start(engine, workflow, name, input))
        .build();
  }

  /** Starts {@code name} once: a redelivery gets the execution its first delivery started. */
  private static StartedExecution start(
      LocalEngine engine, String workflow, String name, String input) {
    String arn = LocalEngine.executionArn(workflow, name);
    if (engine.describe(arn).isPresent()) {
      return StartedExecution.existing(arn);
    }
    try {
      return StartedExecution.started(engine.startExecution(workflow, name, input));
    } catch (ExecutionAlreadyExistsException e) {
      return StartedExecution.existing(arn);
    }
  }

  /**
   * The input check of the project's state machines, each named after its workflow: the input must
   * fit the workflow's parameter type, as a webhook's body must. Other state machines, and
   * workflows without a parameter, take any JSON.
   */
  static BiFunction<String, String, Optional<String>> inputCheck(
      DeploymentManifest manifest, ClassLoader classes) {
    return (stateMachine, input) ->
        manifest
            .workflow(stateMachine)
            .filter(w -> w.input().isPresent())
            .flatMap(w -> misfit(w, input, classes));
  }

  private static Optional<String> misfit(WorkflowSpec workflow, String input, ClassLoader classes) {
    return StrictJson.mismatch(workflow.inputType(), input, classes)
        .map(problem -> "the input of workflow '" + workflow.name() + "' " + problem);
  }

  /** The typed callback route of the project's waits, over the engine's task tokens. */
  static CallbackReceiver callbacks(
      DeploymentManifest manifest, ClassLoader classes, TaskOperations tasks) {
    return new CallbackReceiver(
        manifest, (type, json) -> StrictJson.mismatch(type, json, classes), new EngineTasks(tasks));
  }
}
