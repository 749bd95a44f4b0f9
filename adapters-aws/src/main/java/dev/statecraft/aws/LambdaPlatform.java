package dev.statecraft.aws;

import dev.statecraft.api.spi.SecretStore;

/**
 * Where a handler runs: inside AWS Lambda (the runtime sets {@code AWS_LAMBDA_FUNCTION_NAME}), or
 * in-process on the embedded engine ({@code statecraft run}, {@code serve}, tests), where secrets
 * come from the environment.
 */
final class LambdaPlatform {
  private static final boolean IN_LAMBDA = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;
  private static volatile SecretStore secrets;

  private LambdaPlatform() {}

  /** The secret store of this process, made on first use. */
  static SecretStore secrets() {
    SecretStore s = secrets;
    if (s == null) {
      synchronized (LambdaPlatform.class) {
        s = secrets;
        if (s == null) {
          s = IN_LAMBDA ? SecretsManagerStore.fromEnvironment() : SecretStore.environment();
          secrets = s;
        }
      }
    }
    return s;
  }
}
