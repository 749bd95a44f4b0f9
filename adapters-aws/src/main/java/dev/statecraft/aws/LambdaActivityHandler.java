package dev.statecraft.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.statecraft.adapters.ActivityEntryPoint;
import dev.statecraft.adapters.ActivityInfo;
import dev.statecraft.adapters.ActivityInput;
import dev.statecraft.adapters.ActivityInvocation;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.spi.SecretStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The Lambda handler behind one activity method. Reads the payload (an object of arguments keyed by
 * parameter name), calls {@link #invoke} with the secrets its interface declares bound ({@link
 * ActivityInvocation}), and writes the result as JSON.
 *
 * <p>An exception from the implementation is rethrown unchanged, checked or not, so Lambda's Java
 * runtime reports it with {@code errorType} set to the exception's fully-qualified class name; Step
 * Functions then fails the Task with that error name, which is what {@code @Retry(retryOn = ...)}
 * and {@code catch} clauses match.
 *
 * <p>Inside Lambda, secrets come from Secrets Manager ({@link SecretsManagerStore}); on the
 * embedded engine, from the environment. Initialisation does no I/O, so SnapStart snapshots hold no
 * connection or secret.
 *
 * <pre>{@code
 * public final class TriageActivitiesClassifyHandler extends LambdaActivityHandler {
 *   private static final ActivityInfo INFO = ActivityInfo.of(TriageActivities.class, "classify");
 *   private final TriageActivities activities = new TriageActivitiesImpl();
 *
 *   protected ActivityInfo info() {
 *     return INFO;
 *   }
 *
 *   public Object invoke(ActivityInput input) throws Exception {
 *     return activities.classify(input.get("ticket", Ticket.class));
 *   }
 * }
 * }</pre>
 */
public abstract class LambdaActivityHandler implements RequestStreamHandler, ActivityEntryPoint {
  private final SecretStore secrets;

  /** A handler reading secrets where it runs: Secrets Manager in Lambda, else the environment. */
  protected LambdaActivityHandler() {
    this.secrets = null;
  }

  /** A handler reading secrets from {@code secrets}, for hosts and tests that choose the store. */
  protected LambdaActivityHandler(SecretStore secrets) {
    this.secrets = java.util.Objects.requireNonNull(secrets, "secrets");
  }

  /** Which activity this handler runs, and the secrets it may read. */
  protected abstract ActivityInfo info();

  @Override
  public final void handleRequest(InputStream in, OutputStream out, Context context)
      throws IOException {
    ActivityInput input = ActivityInput.read(in);
    ActivityInfo info = info();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("activity", info.displayName());
    input
        .context()
        .ifPresent(
            c -> {
              fields.put("execution", c.execution());
              fields.put("state", c.state());
              fields.put("attempt", Integer.toString(c.attempt()));
            });
    Outcome outcome = LambdaLogs.around(context, fields, () -> call(info, input));
    if (outcome.error() != null) {
      throw LambdaActivityHandler.<RuntimeException>rethrow(outcome.error());
    }
    ActivityJson.write(out, outcome.result());
  }

  /** What a call gave: its result, or the exception to report. */
  private record Outcome(Object result, Exception error) {}

  private Outcome call(ActivityInfo info, ActivityInput input) {
    Logger log = LambdaLogs.logger(LambdaActivityHandler.class);
    long start = System.nanoTime();
    try {
      Object result =
          ActivityInvocation.run(
              info, this, input, secrets != null ? secrets : LambdaPlatform.secrets());
      if (log != null) {
        LambdaLogs.withDuration(start, () -> log.info("activity {} returned", info.displayName()));
      }
      return new Outcome(result, null);
    } catch (Exception e) {
      if (log != null) {
        // ActivityInvocation has replaced an exception carrying a secret by SecretLeak.
        LambdaLogs.withDuration(
            start,
            () ->
                log.warn(
                    "activity {} failed with {}: {}",
                    info.displayName(),
                    e.getClass().getName(),
                    e.getMessage()));
      }
      return new Outcome(null, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E rethrow(Exception e) throws E {
    throw (E) e;
  }
}
