package dev.statecraft.azure;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskOrchestrationContext;
import dev.statecraft.adapters.ActivityJson;
import java.time.Duration;

/**
 * Calls activities from a generated orchestrator, replay-safely: every wait is a durable timer,
 * every decision depends only on recorded results.
 *
 * <pre>{@code
 * Classification c = DurableActivities.call(ctx, CLASSIFY, Classification.class, "ticket", ticket);
 * }</pre>
 */
public final class DurableActivities {
  static final String TIMEOUT_ERROR = "dev.statecraft.api.ActivityTimeout";

  private DurableActivities() {}

  /**
   * Calls an activity with named arguments ({@code name1, value1, name2, value2, ...}), applying
   * the spec's timeout and retries, and decodes its result.
   *
   * @throws ActivityFailedException when the last attempt fails
   */
  public static <T> T call(
      TaskOrchestrationContext ctx, ActivitySpec spec, Class<T> type, Object... namedArgs) {
    return ActivityJson.mapper().convertValue(callForJson(ctx, spec, namedArgs), type);
  }

  /** Like {@link #call(TaskOrchestrationContext, ActivitySpec, Class, Object...)}, generic type. */
  public static <T> T call(
      TaskOrchestrationContext ctx, ActivitySpec spec, TypeReference<T> type, Object... namedArgs) {
    return ActivityJson.mapper().convertValue(callForJson(ctx, spec, namedArgs), type);
  }

  /** The orchestration's input decoded as a generic type such as {@code List<Ticket>}. */
  public static <T> T input(TaskOrchestrationContext ctx, TypeReference<T> type) {
    return ActivityJson.mapper().convertValue(ctx.getInput(JsonNode.class), type);
  }

  private static JsonNode callForJson(
      TaskOrchestrationContext ctx, ActivitySpec spec, Object... namedArgs) {
    String arguments = arguments(namedArgs);
    for (int attempt = 1; ; attempt++) {
      try {
        return ActivityFunctions.unwrap(attempt(ctx, spec, arguments));
      } catch (ActivityFailedException e) {
        if (attempt >= spec.maxAttempts() || !spec.retries(e.errorType())) {
          throw e;
        }
        ctx.createTimer(spec.delayBefore(attempt)).await();
      }
    }
  }

  private static String attempt(TaskOrchestrationContext ctx, ActivitySpec spec, String args) {
    Task<String> call = ctx.callActivity(spec.functionName(), args, String.class);
    Task<Void> timer = ctx.createTimer(spec.timeout());
    Task<?> first = ctx.anyOf(call, timer).await();
    if (first == timer) {
      throw new ActivityFailedException(
          TIMEOUT_ERROR, spec.functionName() + " ran longer than " + format(spec.timeout()));
    }
    return call.await();
  }

  private static String arguments(Object... namedArgs) {
    if (namedArgs.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in name/value pairs");
    }
    ObjectNode args = ActivityJson.mapper().createObjectNode();
    for (int i = 0; i < namedArgs.length; i += 2) {
      args.set((String) namedArgs[i], ActivityJson.mapper().valueToTree(namedArgs[i + 1]));
    }
    return args.toString();
  }

  private static String format(Duration d) {
    return d.toString();
  }
}
