package dev.statecraft.local.internal;

/** The ARNs the engine hands out, in the shape AWS uses. */
public final class Arns {
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "000000000000";
  private static final String PREFIX = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":";

  private Arns() {}

  public static String stateMachine(String name) {
    return PREFIX + "stateMachine:" + name;
  }

  public static String execution(String stateMachine, String name) {
    return PREFIX + "execution:" + stateMachine + ":" + name;
  }

  static String roleArn() {
    return "arn:aws:iam::" + ACCOUNT + ":role/statecraft-local";
  }

  /** The name in a state machine ARN of this engine, or null if it is no such ARN. */
  static String stateMachineName(String arn) {
    String prefix = stateMachine("");
    if (arn == null || !arn.startsWith(prefix) || arn.length() == prefix.length()) {
      return null;
    }
    String name = arn.substring(prefix.length());
    return name.contains(":") ? null : name;
  }
}
