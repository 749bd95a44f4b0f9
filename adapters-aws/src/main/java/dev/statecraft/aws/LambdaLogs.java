package dev.statecraft.aws;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The structured logs of Statecraft's functions: Powertools for AWS Lambda's JSON lines with the
 * Lambda context, and the workflow's own fields (execution, state, activity or route) on every line
 * of the invocation, including the user's own SLF4J log lines. Only inside Lambda (or with the
 * system property {@code statecraft.lambda.logs=true}, for tests): on the embedded engine the step
 * printer is the log. Nothing here ever logs a payload, a token or a secret.
 */
final class LambdaLogs {
  static final boolean ENABLED =
      System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null
          || Boolean.getBoolean("statecraft.lambda.logs");

  private LambdaLogs() {}

  /** The logger of {@code type}, or {@code null} when logs are off. */
  static Logger logger(Class<?> type) {
    return ENABLED ? LoggerFactory.getLogger(type) : null;
  }

  /** Logs with {@code duration_ms}, the milliseconds since {@code startNanos}, on the line. */
  static void withDuration(long startNanos, Runnable log) {
    MDC.put("duration_ms", Long.toString((System.nanoTime() - startNanos) / 1_000_000));
    try {
      log.run();
    } finally {
      MDC.remove("duration_ms");
    }
  }

  /** Runs {@code body} with the Lambda context and {@code fields} on every log line. */
  static <T> T around(Context context, Map<String, String> fields, Supplier<T> body) {
    if (!ENABLED) {
      return body.get();
    }
    Map<String, String> previous = new LinkedHashMap<>();
    fields.forEach(
        (k, v) -> {
          previous.put(k, MDC.get(k));
          MDC.put(k, v);
        });
    try {
      return context == null ? body.get() : PowertoolsLogging.withLogging(context, body);
    } finally {
      previous.forEach(
          (k, v) -> {
            if (v == null) {
              MDC.remove(k);
            } else {
              MDC.put(k, v);
            }
          });
    }
  }
}
