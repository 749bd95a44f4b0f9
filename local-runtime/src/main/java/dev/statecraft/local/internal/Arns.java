package dev.statecraft.local.internal;

/** The ARNs the engine hands out, in the shape AWS uses. */
final class Arns {
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "000000000000";
  private static final String PREFIX = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":";

  private Arns() {}

  static String stateMachine(String name) {
    return PREFIX + "stateMachine:" + name;
  }

  static String execution(String stateMachine, String name) {
    return PREFIX + "execution:" + stateMachine + ":" + name;
  }

  static String roleArn() {
    return "arn:aws:iam::" + ACCOUNT + ":role/statecraft-local";
  }
}
