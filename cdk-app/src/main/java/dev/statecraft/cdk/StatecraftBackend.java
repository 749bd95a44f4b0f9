package dev.statecraft.cdk;

import dev.statecraft.manifest.DeploymentManifest.Route;
import dev.statecraft.manifest.FunctionSpec;
import dev.statecraft.manifest.Substitution;
import dev.statecraft.manifest.WorkflowSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * A compiled Statecraft project on AWS: everything its deployment manifest describes, in one
 * construct.
 *
 * <ul>
 *   <li>One {@link StatecraftFunction} per activity function of the manifest (workflows that call
 *       the same activity share its function): Java 21 with SnapStart, invoked through its alias
 *       {@value StatecraftFunction#ALIAS}, traced with X-Ray, with its own role and log group. Its
 *       memory is the activity's, its timeout the activity's plus 10 seconds (at most 900), and its
 *       environment the activity's {@code @Env} values with {@link
 *       StatecraftBackendProps#environmentOverrides()} applied, plus {@code
 *       STATECRAFT_SECRET_<NAME>=<ARN>} for each secret it declares.
 *   <li>One {@link StatecraftSecret} per secret the project declares (activities' {@code @Secret}s
 *       and webhooks' signing secrets), named {@code <prefix>/<NAME>} and created <em>empty</em>:
 *       no value is ever in the template. Only the functions that declare a secret may read it.
 *   <li>One {@link StatecraftWorkflow} per workflow: a state machine named {@code
 *       <prefix>-<workflow>} running the compiled ASL, whose placeholders are filled with the
 *       functions' alias ARNs, the child workflows' state machine ARNs and the callback URL.
 *   <li>When some workflow has a webhook or awaits a callback, a {@link StatecraftApi}: {@code POST
 *       /webhooks/<path>} to a receiver that checks signatures and starts workflows, and {@code
 *       POST /callbacks/{workflow}/{wait}} to a receiver that answers waiting tasks.
 * </ul>
 *
 * <p>The stack's outputs are the API's URL, each webhook's URL, the callback base URL, and each
 * secret's ARN with the command that sets it.
 *
 * <pre>{@code
 * App app = new App();
 * Stack stack = new Stack(app, "support-triage");
 * StatecraftBackend backend =
 *     new StatecraftBackend(
 *         stack,
 *         "Statecraft",
 *         StatecraftBackendProps.builder()
 *             .manifestFile(Path.of("target/statecraft/statecraft-manifest.json"))
 *             .jar(Path.of("target/support-triage-aws.jar"))
 *             .build());
 * // Extend it: alarms, a WAF, more permissions.
 * backend.function("TriageActivities_classify").getFunction().metricErrors();
 * backend.workflow("support-triage").getStateMachine().grantRead(someRole);
 * app.synth();
 * }</pre>
 *
 * <p>cdk-nag's {@code AwsSolutionsChecks} reports nothing for the backend: the findings that are
 * right for it (wildcards that AWS requires, webhook authorization by signature) are acknowledged
 * with their reasons on the constructs they concern.
 */
public final class StatecraftBackend extends Construct {
  /** How much longer a function may run than its activity's timeout. */
  static final long TIMEOUT_MARGIN_SECONDS = 10;

  /** Lambda's limit on a function's timeout. */
  static final long MAX_TIMEOUT_SECONDS = 900;

  private final StatecraftBackendProps props;
  private final String prefix;
  private final Map<String, StatecraftSecret> secrets;
  private final Map<String, StatecraftFunction> functions;
  private final StatecraftApi api;
  private final Map<String, StatecraftWorkflow> workflows;

  /**
   * Creates the backend's resources.
   *
   * @throws IllegalArgumentException when the manifest is inconsistent (an unknown function or
   *     child workflow, a placeholder it does not declare, workflows that start each other), a
   *     definition or the jar is missing, or a physical name would be too long
   */
  public StatecraftBackend(Construct scope, String id, StatecraftBackendProps props) {
    super(scope, id);
    this.props = props;
    this.prefix = prefix(props);
    Code code = JarCode.of(props.jar());
    this.secrets = secrets();
    this.functions = functions(code);
    this.api = api(code);
    this.workflows = workflows();
    outputs();
  }

  private String prefix(StatecraftBackendProps props) {
    String p = props.namePrefix() != null ? props.namePrefix() : Stack.of(this).getStackName();
    if (Token.isUnresolved(p)) {
      throw new IllegalArgumentException(
          "the stack's name is not known at synthesis: give StatecraftBackendProps a namePrefix");
    }
    for (WorkflowSpec w : props.manifest().workflows()) {
      String name = DeployedNames.stateMachine(p, w.name());
      if (name.length() > DeployedNames.STATE_MACHINE_NAME_MAX) {
        throw new IllegalArgumentException(
            "state machine name '"
                + name
                + "' is longer than "
                + DeployedNames.STATE_MACHINE_NAME_MAX
                + " characters: use a shorter stack name or name prefix");
      }
    }
    return p;
  }

  private Map<String, StatecraftSecret> secrets() {
    Construct scope = new Construct(this, "Secrets");
    Map<String, StatecraftSecret> created = new TreeMap<>();
    props.manifest().secrets().forEach(n -> created.put(n, new StatecraftSecret(scope, n, prefix)));
    return Collections.unmodifiableMap(created);
  }

  private Map<String, StatecraftFunction> functions(Code code) {
    Construct scope = new Construct(this, "Functions");
    Map<String, StatecraftFunction> created = new LinkedHashMap<>();
    for (FunctionSpec f : props.manifest().functions()) {
      created.put(f.key(), new StatecraftFunction(scope, f.key(), functionProps(f, code)));
    }
    return Collections.unmodifiableMap(created);
  }

  private StatecraftFunctionProps functionProps(FunctionSpec f, Code code) {
    Map<String, String> env = new TreeMap<>(f.environment());
    props.environmentOverrides().forEach((k, v) -> env.computeIfPresent(k, (name, old) -> v));
    return new StatecraftFunctionProps(
        f.activitiesSimpleName() + "." + f.method() + " (Statecraft activity " + f.key() + ")",
        f.awsHandler(),
        f.memoryMb(),
        Math.min(f.timeoutSeconds() + TIMEOUT_MARGIN_SECONDS, MAX_TIMEOUT_SECONDS),
        env,
        f.secrets().stream().map(secrets::get).toList(),
        code,
        props.logRetention());
  }

  private StatecraftApi api(Code code) {
    List<Route> routes = props.manifest().routes();
    List<String> callbackWorkflows =
        props.manifest().workflows().stream()
            .filter(StatecraftBackend::awaitsCallbacks)
            .map(WorkflowSpec::name)
            .toList();
    if (routes.isEmpty() && callbackWorkflows.isEmpty()) {
      return null;
    }
    return new StatecraftApi(
        this,
        "Api",
        new StatecraftApiProps(
            prefix, routes, callbackWorkflows, secrets, code, props.logRetention()));
  }

  private static boolean awaitsCallbacks(WorkflowSpec w) {
    return w.awaitsCallbacks() || !w.callbacks().isEmpty();
  }

  private Map<String, StatecraftWorkflow> workflows() {
    Construct scope = new Construct(this, "Workflows");
    Map<String, StatecraftWorkflow> created = new TreeMap<>();
    for (WorkflowSpec w : props.manifest().workflows()) {
      workflow(scope, w, created, new ArrayDeque<>());
    }
    Map<String, StatecraftWorkflow> inManifestOrder = new LinkedHashMap<>();
    props.manifest().workflows().forEach(w -> inManifestOrder.put(w.name(), created.get(w.name())));
    return Collections.unmodifiableMap(inManifestOrder);
  }

  /** Creates {@code spec}'s children first, so that its definition can name their ARNs. */
  private StatecraftWorkflow workflow(
      Construct scope,
      WorkflowSpec spec,
      Map<String, StatecraftWorkflow> created,
      Deque<String> starting) {
    StatecraftWorkflow existing = created.get(spec.name());
    if (existing != null) {
      return existing;
    }
    if (starting.contains(spec.name())) {
      List<String> cycle = new ArrayList<>(starting);
      Collections.reverse(cycle);
      cycle.add(spec.name());
      throw new IllegalArgumentException(
          "workflows start each other in a cycle: " + String.join(" -> ", cycle));
    }
    starting.push(spec.name());
    Map<String, StatecraftWorkflow> children = new LinkedHashMap<>();
    for (String child : childNames(spec)) {
      WorkflowSpec childSpec =
          props
              .manifest()
              .workflow(child)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "workflow '"
                              + spec.name()
                              + "' starts workflow '"
                              + child
                              + "', which the manifest does not have"));
      children.put(child, workflow(scope, childSpec, created, starting));
    }
    starting.pop();
    StatecraftWorkflow workflow =
        new StatecraftWorkflow(scope, spec.name(), workflowProps(spec, children));
    created.put(spec.name(), workflow);
    return workflow;
  }

  private static Set<String> childNames(WorkflowSpec spec) {
    Set<String> names = new LinkedHashSet<>(spec.children());
    spec.substitutions().stream()
        .filter(s -> s.kind() == Substitution.Kind.STATE_MACHINE)
        .forEach(s -> names.add(s.target()));
    return names;
  }

  private StatecraftWorkflowProps workflowProps(
      WorkflowSpec spec, Map<String, StatecraftWorkflow> children) {
    Set<String> invoked = new LinkedHashSet<>(spec.functions());
    spec.substitutions().stream()
        .filter(s -> s.kind() == Substitution.Kind.FUNCTION)
        .forEach(s -> invoked.add(s.target()));
    Map<String, String> values = new TreeMap<>();
    for (Substitution s : spec.substitutions()) {
      values.put(
          s.key(),
          switch (s.kind()) {
            case FUNCTION -> activityFunction(spec, s.target()).getInvokeArn();
            case STATE_MACHINE -> children.get(s.target()).getStateMachine().getStateMachineArn();
            case CALLBACK_URL -> api.callbackBaseUrl();
          });
    }
    return new StatecraftWorkflowProps(
        spec.name(),
        DeployedNames.stateMachine(prefix, spec.name()),
        DeployedNames.stateMachineLogGroup(prefix, spec.name()),
        stateMachineType(spec),
        AslDefinition.read(props.manifestDirectory(), spec),
        values,
        invoked.stream().map(key -> activityFunction(spec, key)).toList(),
        List.copyOf(children.values()),
        props.logRetention());
  }

  private StatecraftFunction activityFunction(WorkflowSpec spec, String key) {
    StatecraftFunction f = functions.get(key);
    if (f == null) {
      throw new IllegalArgumentException(
          "workflow '"
              + spec.name()
              + "' calls function '"
              + key
              + "', which the manifest does not have");
    }
    return f;
  }

  private static StateMachineType stateMachineType(WorkflowSpec spec) {
    try {
      return StateMachineType.valueOf(spec.type());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "workflow '" + spec.name() + "' has type '" + spec.type() + "', not STANDARD or EXPRESS",
          e);
    }
  }

  private void outputs() {
    for (StatecraftSecret s : secrets.values()) {
      CfnOutput.Builder.create(this, "SecretArn" + s.getName())
          .value(s.getSecretArn())
          .description(
              "Secret "
                  + s.getName()
                  + ", created empty. Set it with: aws secretsmanager put-secret-value --secret-id "
                  + s.getSecretName()
                  + " --secret-string VALUE")
          .build();
    }
    if (api == null) {
      return;
    }
    CfnOutput.Builder.create(this, "ApiUrl")
        .value(api.getRestApi().getUrl())
        .description("The base URL of the Statecraft API")
        .build();
    for (Route r : props.manifest().routes()) {
      CfnOutput.Builder.create(this, "WebhookUrl" + r.webhook().path().replace('/', '-'))
          .value(api.webhookUrl(r.webhook().path()))
          .description(
              "POST "
                  + r.webhook().scheme()
                  + " webhooks here to start workflow "
                  + r.workflow().name()
                  + " (signed with secret "
                  + r.webhook().secret()
                  + ")")
          .build();
    }
    if (api.getCallbackReceiver().isPresent()) {
      CfnOutput.Builder.create(this, "CallbackUrl")
          .value(api.callbackBaseUrl())
          .description("The base URL of callback answers: <url>/<workflow>/<wait>?token=TOKEN")
          .build();
    }
  }

  /** The prefix of the physical names. */
  public String getNamePrefix() {
    return prefix;
  }

  /** The function of activity {@code key}, as the manifest names it. */
  public StatecraftFunction function(String key) {
    return require(functions, key, "function");
  }

  /** Every activity function, by key, in the manifest's order. */
  public Map<String, StatecraftFunction> getFunctions() {
    return functions;
  }

  /** The workflow named {@code name}. */
  public StatecraftWorkflow workflow(String name) {
    return require(workflows, name, "workflow");
  }

  /** Every workflow, by name, in the manifest's order. */
  public Map<String, StatecraftWorkflow> getWorkflows() {
    return workflows;
  }

  /** The secret named {@code name}. */
  public StatecraftSecret secret(String name) {
    return require(secrets, name, "secret");
  }

  /** Every secret, by name, sorted. */
  public Map<String, StatecraftSecret> getSecrets() {
    return secrets;
  }

  /** The API, when some workflow has a webhook or awaits a callback. */
  public Optional<StatecraftApi> getApi() {
    return Optional.ofNullable(api);
  }

  private static <T> T require(Map<String, T> map, String name, String kind) {
    T t = map.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "the backend has no " + kind + " '" + name + "'; it has " + map.keySet());
    }
    return t;
  }
}
