package dev.statecraft.cdk;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * One Java Lambda function of the backend (an activity, the webhook receiver or the callback
 * receiver) with what it needs around it: its own role, its own log group, and the alias {@value
 * #ALIAS} on its current version. Callers invoke the alias, never the function: SnapStart snapshots
 * only published versions, so {@code $LATEST} would start cold every time.
 *
 * <p>The role has no managed policy. It may write to its own log group, send X-Ray traces, and read
 * exactly the secrets the function declares; whoever invokes the function is granted that on the
 * alias. Every function gets {@code JAVA_TOOL_OPTIONS=-XX:+TieredCompilation
 * -XX:TieredStopAtLevel=1} (short-lived JVMs start faster with the C1 compiler only) and {@code
 * POWERTOOLS_SERVICE_NAME=statecraft}.
 */
public final class StatecraftFunction extends Construct {
  /** The alias that callers invoke. */
  public static final String ALIAS = "live";

  static final Map<String, String> COMMON_ENVIRONMENT =
      Map.of(
          "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
          "POWERTOOLS_SERVICE_NAME", "statecraft");

  private final LogGroup logGroup;
  private final Role role;
  private final Function function;
  private final Alias alias;

  StatecraftFunction(Construct scope, String id, StatecraftFunctionProps props) {
    super(scope, id);
    this.logGroup = LogGroup.Builder.create(this, "Logs").retention(props.logRetention()).build();
    this.role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description("Runs " + props.handler())
            .build();
    logGroup.grantWrite(role);
    props.secrets().forEach(s -> s.grantRead(role));
    this.function =
        Function.Builder.create(this, "Function")
            .description(props.description())
            .runtime(Runtime.JAVA_21)
            .handler(props.handler())
            .code(props.code())
            .memorySize(props.memoryMb())
            .timeout(Duration.seconds(props.timeoutSeconds()))
            .environment(environment(props))
            .role(role)
            .logGroup(logGroup)
            .tracing(Tracing.ACTIVE)
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .build();
    this.alias =
        Alias.Builder.create(this, "Alias")
            .aliasName(ALIAS)
            .version(function.getCurrentVersion())
            .build();
    NagWaiver.XRAY_WRITE.on(role);
    NagWaiver.JAVA_RUNTIME.on(function);
  }

  private static Map<String, String> environment(StatecraftFunctionProps props) {
    Map<String, String> env = new TreeMap<>(COMMON_ENVIRONMENT);
    env.putAll(props.environment());
    props
        .secrets()
        .forEach(s -> env.put(DeployedNames.secretVariable(s.getName()), s.getSecretArn()));
    return env;
  }

  /** The function. */
  public Function getFunction() {
    return function;
  }

  /** The alias {@value #ALIAS} on the current version, which callers invoke. */
  public Alias getAlias() {
    return alias;
  }

  /** The ARN that callers invoke: the alias's. */
  public String getInvokeArn() {
    return alias.getFunctionArn();
  }

  /** The function's role. */
  public Role getRole() {
    return role;
  }

  /** The function's log group. */
  public LogGroup getLogGroup() {
    return logGroup;
  }
}
