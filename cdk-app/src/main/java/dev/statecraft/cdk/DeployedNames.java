package dev.statecraft.cdk;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The physical names and environment variables that the deployed resources and the AWS adapters
 * agree on. The adapters read the variables; nothing else may spell them.
 */
final class DeployedNames {
  /** What a prefix may contain: it starts state machine, secret and API names. */
  static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  /** Step Functions' limit on a state machine's name. */
  static final int STATE_MACHINE_NAME_MAX = 80;

  private static final String SECRET_VARIABLE = "STATECRAFT_SECRET_";
  private static final String STATE_MACHINE_VARIABLE = "STATECRAFT_STATE_MACHINE_";

  private DeployedNames() {}

  static String stateMachine(String prefix, String workflow) {
    return prefix + "-" + workflow;
  }

  static String secret(String prefix, String name) {
    return prefix + "/" + name;
  }

  static String stateMachineLogGroup(String prefix, String workflow) {
    // Under /aws/vendedlogs/ so that many state machines do not outgrow the account's log
    // resource policy.
    return "/aws/vendedlogs/states/" + stateMachine(prefix, workflow);
  }

  static String restApi(String prefix) {
    return prefix + "-api";
  }

  /** The variable holding the ARN of secret {@code name}, as {@code SecretsManagerStore} reads. */
  static String secretVariable(String name) {
    return SECRET_VARIABLE + name;
  }

  /** The variable holding the state machine ARN of {@code workflow} for the webhook receiver. */
  static String stateMachineVariable(String workflow) {
    return STATE_MACHINE_VARIABLE + workflow.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** Whether {@code name} is one that the deployment sets, which no override may replace. */
  static boolean isReserved(String variable) {
    return variable.startsWith(SECRET_VARIABLE) || variable.startsWith(STATE_MACHINE_VARIABLE);
  }
}
