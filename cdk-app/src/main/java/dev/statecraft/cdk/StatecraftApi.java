package dev.statecraft.cdk;

import dev.statecraft.manifest.DeploymentManifest.Route;
import dev.statecraft.manifest.WorkflowSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.IResource;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LambdaIntegrationOptions;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RequestValidatorOptions;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The REST API through which the world reaches the workflows: {@code POST /webhooks/<path>} for
 * each {@code @Webhook} (to the webhook receiver, which checks the signature and starts the
 * workflow) and {@code POST /callbacks/{workflow}/{wait}?token=TOKEN} (to the callback receiver,
 * which answers the waiting task). A REST API rather than an HTTP API because the receiver must see
 * the body exactly as it was signed.
 *
 * <p>The receivers hold state machine ARNs built from the state machines' fixed names, not
 * references to them: each definition contains the API's URL, so a reference back would be a
 * dependency cycle.
 *
 * <p>The stage {@value #STAGE} is traced with X-Ray, throttled to {@value #RATE_LIMIT} requests a
 * second (bursts of {@value #BURST_LIMIT}), and writes access logs in {@link #ACCESS_LOG_FORMAT},
 * which never includes the query string: task tokens travel in {@code ?token=}. API Gateway needs
 * the account's CloudWatch role to write them ({@code aws apigateway update-account}, set once per
 * account and region); this construct does not create that account-wide resource.
 */
public final class StatecraftApi extends Construct {
  /** The stage's name, the first segment of every URL's path. */
  public static final String STAGE = "prod";

  /** The receivers' handler classes in {@code statecraft-adapters-aws}. */
  static final String WEBHOOK_HANDLER = "dev.statecraft.aws.WebhookReceiverHandler";

  static final String CALLBACK_HANDLER = "dev.statecraft.aws.CallbackRouteHandler";

  static final int RATE_LIMIT = 50;
  static final int BURST_LIMIT = 100;

  /**
   * One JSON object per request. Only {@code $context} fields that cannot hold the query string:
   * {@code path} and {@code resourcePath} are the path alone.
   */
  public static final String ACCESS_LOG_FORMAT =
      "{\"requestId\":\"$context.requestId\","
          + "\"ip\":\"$context.identity.sourceIp\","
          + "\"requestTime\":\"$context.requestTimeEpoch\","
          + "\"httpMethod\":\"$context.httpMethod\","
          + "\"resourcePath\":\"$context.resourcePath\","
          + "\"path\":\"$context.path\","
          + "\"status\":\"$context.status\","
          + "\"protocol\":\"$context.protocol\","
          + "\"responseLength\":\"$context.responseLength\","
          + "\"integrationLatency\":\"$context.integrationLatency\","
          + "\"error\":\"$context.error.message\"}";

  private static final int RECEIVER_MEMORY_MB = 512;
  // API Gateway gives up on an integration after 29 seconds.
  private static final int RECEIVER_TIMEOUT_SECONDS = 29;

  private final LogGroup accessLogs;
  private final RestApi restApi;
  private final RequestValidator validator;
  private final StatecraftFunction webhookReceiver;
  private final StatecraftFunction callbackReceiver;

  StatecraftApi(Construct scope, String id, StatecraftApiProps props) {
    super(scope, id);
    this.accessLogs =
        LogGroup.Builder.create(this, "AccessLogs").retention(props.logRetention()).build();
    this.restApi =
        RestApi.Builder.create(this, "RestApi")
            .restApiName(DeployedNames.restApi(props.prefix()))
            .description("Statecraft webhooks and callbacks of " + props.prefix())
            .endpointTypes(List.of(EndpointType.REGIONAL))
            .cloudWatchRole(false)
            .deployOptions(
                StageOptions.builder()
                    .stageName(STAGE)
                    .accessLogDestination(new LogGroupLogDestination(accessLogs))
                    .accessLogFormat(AccessLogFormat.custom(ACCESS_LOG_FORMAT))
                    // No X-Ray on the stage: its segments record the request URL, query string and
                    // all, and a callback's query string is its task token. The functions behind
                    // it are traced.
                    .tracingEnabled(false)
                    .throttlingRateLimit(RATE_LIMIT)
                    .throttlingBurstLimit(BURST_LIMIT)
                    .build())
            .build();
    // The backend outputs the URL with a description; the RestApi's own output would repeat it.
    restApi.getNode().tryRemoveChild("Endpoint");
    // Bodies have no model (the receiver needs them raw); the validator checks that a callback
    // carries its token before a Lambda runs.
    this.validator =
        restApi.addRequestValidator(
            "Validator",
            RequestValidatorOptions.builder()
                .validateRequestBody(true)
                .validateRequestParameters(true)
                .build());
    NagWaiver.API_WAF.on(restApi.getDeploymentStage());
    NagWaiver.API_EXECUTION_LOGS.on(restApi.getDeploymentStage());
    this.webhookReceiver = props.routes().isEmpty() ? null : webhooks(props);
    this.callbackReceiver = props.callbackWorkflows().isEmpty() ? null : callbacks(props);
  }

  private StatecraftFunction webhooks(StatecraftApiProps props) {
    List<String> workflows =
        props.routes().stream().map(Route::workflow).map(WorkflowSpec::name).distinct().toList();
    List<String> stateMachines =
        workflows.stream().map(w -> DeployedNames.stateMachine(props.prefix(), w)).toList();
    Map<String, String> env = new TreeMap<>();
    for (String w : workflows) {
      env.put(
          DeployedNames.stateMachineVariable(w),
          StatecraftWorkflow.stateMachineArn(
              Stack.of(this), DeployedNames.stateMachine(props.prefix(), w)));
    }
    List<StatecraftSecret> secrets =
        props.routes().stream()
            .map(r -> r.webhook().secret())
            .distinct()
            .sorted()
            .map(props.secrets()::get)
            .toList();
    StatecraftFunction receiver =
        new StatecraftFunction(
            this,
            "WebhookReceiver",
            new StatecraftFunctionProps(
                "Statecraft webhook receiver: checks signatures and starts workflows",
                WEBHOOK_HANDLER,
                RECEIVER_MEMORY_MB,
                RECEIVER_TIMEOUT_SECONDS,
                env,
                secrets,
                props.code(),
                props.logRetention()));
    allowStarting(receiver, stateMachines);
    LambdaIntegration integration = integration(receiver);
    for (Route route : props.routes()) {
      IResource resource = restApi.getRoot().resourceForPath("webhooks/" + route.webhook().path());
      waiveAuthorization(
          resource.addMethod(
              "POST", integration, MethodOptions.builder().requestValidator(validator).build()));
    }
    return receiver;
  }

  private void allowStarting(StatecraftFunction receiver, List<String> stateMachines) {
    Stack stack = Stack.of(this);
    receiver
        .getRole()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(List.of("states:StartExecution"))
                .resources(
                    stateMachines.stream()
                        .map(n -> StatecraftWorkflow.stateMachineArn(stack, n))
                        .toList())
                .build());
    receiver
        .getRole()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(List.of("states:DescribeExecution"))
                .resources(
                    stateMachines.stream()
                        .map(n -> StatecraftWorkflow.executionsArn(stack, n))
                        .toList())
                .build());
    for (String name : stateMachines) {
      NagWaiver.wildcardResource(
              StatecraftWorkflow.nagExecutionsArn(name),
              "The receiver looks up the execution a repeated delivery already started; its name"
                  + " comes from the webhook's message id, so its ARN is known only as"
                  + " 'execution:"
                  + name
                  + ":*'. The wildcard covers only executions of this state machine.")
          .on(receiver.getRole());
    }
  }

  private StatecraftFunction callbacks(StatecraftApiProps props) {
    StatecraftFunction receiver =
        new StatecraftFunction(
            this,
            "CallbackReceiver",
            new StatecraftFunctionProps(
                "Statecraft callback receiver: answers the task a callback URL names",
                CALLBACK_HANDLER,
                RECEIVER_MEMORY_MB,
                RECEIVER_TIMEOUT_SECONDS,
                Map.of(),
                List.of(),
                props.code(),
                props.logRetention()));
    Stack stack = Stack.of(this);
    receiver
        .getRole()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(
                    List.of(
                        "states:SendTaskSuccess",
                        "states:SendTaskFailure",
                        "states:SendTaskHeartbeat"))
                .resources(
                    props.callbackWorkflows().stream()
                        .map(w -> DeployedNames.stateMachine(props.prefix(), w))
                        .map(n -> StatecraftWorkflow.stateMachineArn(stack, n))
                        .toList())
                .build());
    IResource resource = restApi.getRoot().resourceForPath("callbacks/{workflow}/{wait}");
    waiveAuthorization(
        resource.addMethod(
            "POST",
            integration(receiver),
            MethodOptions.builder()
                .requestValidator(validator)
                .requestParameters(Map.of("method.request.querystring.token", true))
                .build()));
    return receiver;
  }

  private static LambdaIntegration integration(StatecraftFunction function) {
    return new LambdaIntegration(
        function.getAlias(), LambdaIntegrationOptions.builder().allowTestInvoke(false).build());
  }

  private static void waiveAuthorization(Method method) {
    NagWaiver.API_AUTHORIZATION.on(method);
    NagWaiver.API_COGNITO.on(method);
  }

  /** The REST API. */
  public RestApi getRestApi() {
    return restApi;
  }

  /** The stage's access log group. */
  public LogGroup getAccessLogs() {
    return accessLogs;
  }

  /** The webhook receiver, when some workflow has a webhook. */
  public Optional<StatecraftFunction> getWebhookReceiver() {
    return Optional.ofNullable(webhookReceiver);
  }

  /** The callback receiver, when some workflow awaits callbacks. */
  public Optional<StatecraftFunction> getCallbackReceiver() {
    return Optional.ofNullable(callbackReceiver);
  }

  /** The URL that senders post webhook {@code path} to. */
  public String webhookUrl(String path) {
    return restApi.urlForPath("/webhooks/" + path);
  }

  /**
   * The callback route's base URL, without a trailing slash: a definition appends {@code
   * /<workflow>/<wait>?token=...}.
   */
  public String callbackBaseUrl() {
    return restApi.urlForPath("/callbacks");
  }
}
