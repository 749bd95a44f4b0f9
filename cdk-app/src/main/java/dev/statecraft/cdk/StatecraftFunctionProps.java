package dev.statecraft.cdk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * What one {@link StatecraftFunction} runs.
 *
 * @param description the function's description
 * @param handler the {@code RequestStreamHandler} class
 * @param memoryMb its memory
 * @param timeoutSeconds how long one invocation may run, at most 900
 * @param environment its own variables (the {@code @Env} values with overrides applied); the
 *     function adds the common ones and one per secret
 * @param secrets the secrets it may read, each also passed as {@code STATECRAFT_SECRET_<NAME>}
 * @param code the deployable jar
 * @param logRetention how long its log group keeps logs
 */
record StatecraftFunctionProps(
    String description,
    String handler,
    int memoryMb,
    long timeoutSeconds,
    Map<String, String> environment,
    List<StatecraftSecret> secrets,
    Code code,
    RetentionDays logRetention) {
  StatecraftFunctionProps {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(logRetention, "logRetention");
    environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
    secrets = List.copyOf(secrets);
    if (timeoutSeconds < 1 || timeoutSeconds > 900) {
      throw new IllegalArgumentException(
          "a Lambda timeout is 1 to 900 seconds, not " + timeoutSeconds);
    }
  }
}
