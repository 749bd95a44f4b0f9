package dev.statecraft.testing;

/** ARNs as the embedded engine spells them (its fixed region and account). */
final class EngineNames {
  private static final String PREFIX = "arn:aws:states:us-east-1:000000000000:";

  private EngineNames() {}

  static String stateMachineArn(String stateMachine) {
    return PREFIX + "stateMachine:" + stateMachine;
  }

  static String executionArn(String stateMachine, String execution) {
    return PREFIX + "execution:" + stateMachine + ":" + execution;
  }

  /** The state machine name of a state machine ARN. */
  static String stateMachineOf(String stateMachineArn) {
    return stateMachineArn.substring(stateMachineArn.lastIndexOf(':') + 1);
  }
}
