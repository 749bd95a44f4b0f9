package dev.statecraft.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.statecraft.adapters.StrictJson;
import dev.statecraft.api.spi.SecretStore;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.webhooks.StartedExecution;
import dev.statecraft.webhooks.WebhookReceiver;
import dev.statecraft.webhooks.WebhookRequest;
import dev.statecraft.webhooks.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * The webhook receiver behind API Gateway (REST API, Lambda proxy integration, so the body arrives
 * as sent): {@code POST /webhooks/{path}} is verified and answered by the project's {@link
 * WebhookReceiver}, and a verified delivery starts its workflow with {@code StartExecution}, named
 * by the delivery's id. It reads the manifest from the deployable package, each signing secret from
 * Secrets Manager ({@code STATECRAFT_SECRET_<NAME>}) and each workflow's state machine ARN from
 * {@code STATECRAFT_STATE_MACHINE_<WORKFLOW>}, which the deployment sets. Its logs name the route
 * and the outcome, never a body, signature or secret.
 */
public final class WebhookReceiverHandler implements RequestStreamHandler {
  private static final String PREFIX = "/webhooks/";
  private static final String STATE_MACHINE_VARIABLE = "STATECRAFT_STATE_MACHINE_";

  private final WebhookReceiver receiver;

  /** The handler Lambda creates, configured by the deployment. */
  public WebhookReceiverHandler() {
    this(
        DeploymentManifest.fromClasspath(WebhookReceiverHandler.class.getClassLoader()),
        SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
        SecretsManagerStore.fromEnvironment(),
        System.getenv(),
        WebhookReceiverHandler.class.getClassLoader());
  }

  /**
   * A handler for other hosts and tests.
   *
   * @param manifest the project's webhooks
   * @param sfn where executions start
   * @param secrets where the signing secrets are
   * @param environment where each workflow's state machine ARN is
   * @param classes where the input types' classes are
   */
  public WebhookReceiverHandler(
      DeploymentManifest manifest,
      SfnClient sfn,
      SecretStore secrets,
      Map<String, String> environment,
      ClassLoader classes) {
    Map<String, String> env = Map.copyOf(environment);
    this.receiver =
        WebhookReceiver.builder(manifest)
            .secrets(secrets)
            .inputCheck((type, json) -> StrictJson.mismatch(type, json, classes))
            .starter(
                (workflow, name, input) -> start(sfn, stateMachine(env, workflow), name, input))
            .build();
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    ApiGatewayProxy event = ApiGatewayProxy.read(in);
    WebhookRequest.Builder request = WebhookRequest.builder(event.method());
    event.headers().forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    request.body(event.body());
    int at = event.path().indexOf(PREFIX);
    String path = at < 0 ? "" : event.path().substring(at + PREFIX.length());
    WebhookResponse response =
        LambdaLogs.around(
            context,
            Map.of("route", PREFIX + path),
            () -> {
              WebhookResponse r = receiver.receive(path, request.build());
              Logger log = LambdaLogs.logger(WebhookReceiverHandler.class);
              if (log != null) {
                log.info("webhook answered {}", r.status());
              }
              return r;
            });
    ApiGatewayProxy.answer(out, response.status(), response.contentType(), response.body());
  }

  private static String stateMachine(Map<String, String> env, String workflow) {
    String variable =
        STATE_MACHINE_VARIABLE + workflow.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    String arn = env.get(variable);
    if (arn == null || arn.isBlank()) {
      throw new IllegalStateException(
          "this function was deployed without " + variable + "; deploy again");
    }
    return arn;
  }

  /**
   * Starts the execution {@code name} unless it exists: a redelivery is answered with the execution
   * its first delivery started. ({@code StartExecution} alone would succeed again for a running
   * execution with the same input, without saying that it started nothing.)
   */
  private static StartedExecution start(
      SfnClient sfn, String stateMachineArn, String name, String input) {
    String arn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
    try {
      sfn.describeExecution(b -> b.executionArn(arn));
      return StartedExecution.existing(arn);
    } catch (ExecutionDoesNotExistException absent) {
      // Start it below.
    }
    try {
      return StartedExecution.started(
          sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(name).input(input))
              .executionArn());
    } catch (ExecutionAlreadyExistsException e) {
      return StartedExecution.existing(arn);
    }
  }
}
