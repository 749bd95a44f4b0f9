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

  /**
   * Calls one activity per argument list, at most {@code batch} at a time (0: all at once), and
   * returns the results in order: {@code Durable.map} over a single activity call.
   */
  public static <T> java.util.List<T> callAll(
      TaskOrchestrationContext ctx,
      ActivitySpec spec,
      Class<T> type,
      int batch,
      java.util.List<Object[]> namedArgsPerItem) {
    java.util.List<T> results = new java.util.ArrayList<>();
    int size = batch <= 0 ? Math.max(1, namedArgsPerItem.size()) : batch;
    for (int from = 0; from < namedArgsPerItem.size(); from += size) {
      java.util.List<Attempt> attempts = new java.util.ArrayList<>();
      for (Object[] args :
          namedArgsPerItem.subList(from, Math.min(namedArgsPerItem.size(), from + size))) {
        attempts.add(Attempt.start(ctx, spec, arguments(args)));
      }
      for (Attempt attempt : attempts) {
        results.add(ActivityJson.mapper().convertValue(attempt.finish(ctx), type));
      }
    }
    return results;
  }

  /** One activity call of {@link #callEach}: its spec, result type and named arguments. */
  public record Call(ActivitySpec spec, Class<?> type, Object... namedArgs) {}

  /**
   * Starts every call at once, waits for all, and returns the results in order: {@code
   * Durable.parallel}.
   */
  public static java.util.List<Object> callEach(
      TaskOrchestrationContext ctx, java.util.List<Call> calls) {
    java.util.List<Attempt> attempts = new java.util.ArrayList<>();
    for (Call c : calls) {
      attempts.add(Attempt.start(ctx, c.spec(), arguments(c.namedArgs())));
    }
    java.util.List<Object> results = new java.util.ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      results.add(
          ActivityJson.mapper().convertValue(attempts.get(i).finish(ctx), calls.get(i).type()));
    }
    return results;
  }

  /**
   * One activity call in flight with its per-attempt timeout: started at once, so that the calls of
   * a {@code Durable.map} or {@code parallel} run concurrently, then finished in order, each
   * retried as its spec says.
   */
  private static final class Attempt {
    private final ActivitySpec spec;
    private final String arguments;
    private Task<String> call;
    private Task<Void> timer;

    private Attempt(ActivitySpec spec, String arguments, Task<String> call, Task<Void> timer) {
      this.spec = spec;
      this.arguments = arguments;
      this.call = call;
      this.timer = timer;
    }

    static Attempt start(TaskOrchestrationContext ctx, ActivitySpec spec, String arguments) {
      return new Attempt(
          spec,
          arguments,
          ctx.callActivity(spec.functionName(), arguments, String.class),
          ctx.createTimer(spec.timeout()));
    }

    JsonNode finish(TaskOrchestrationContext ctx) {
      for (int attempt = 1; ; attempt++) {
        try {
          return ActivityFunctions.unwrap(await(ctx, spec, call, timer));
        } catch (ActivityFailedException e) {
          if (attempt >= spec.maxAttempts() || !spec.retries(e.errorType())) {
            throw e;
          }
          ctx.createTimer(spec.delayBefore(attempt)).await();
          call = ctx.callActivity(spec.functionName(), arguments, String.class);
          timer = ctx.createTimer(spec.timeout());
        }
      }
    }
  }

  /**
   * The callback of wait {@code sequence} of this instance of {@code workflow}: an absolute URL
   * whose signed token names the wait (see {@link CallbackFunctions}); its answer arrives as
   * external event {@code callback-N}.
   */
  public static dev.statecraft.api.Callback newCallback(
      TaskOrchestrationContext ctx, String workflow, int sequence) {
    return CallbackFunctions.create(ctx, workflow, sequence);
  }

  /**
   * Waits for the answer to {@code callback}; throws {@code CallbackTimeout} after {@code timeout},
   * and fails with the error an answer names ({@code ?error=NAME&cause=TEXT}).
   */
  public static <T> T awaitCallback(
      TaskOrchestrationContext ctx,
      dev.statecraft.api.Callback callback,
      Duration timeout,
      Class<T> type) {
    String event =
        CallbackFunctions.verify(callback.token())
            .map(w -> w[1])
            .orElseThrow(() -> new IllegalStateException("not a callback of this app"));
    JsonNode answer;
    try {
      answer = ctx.waitForExternalEvent(event, timeout, JsonNode.class).await();
    } catch (com.microsoft.durabletask.TaskCanceledException e) {
      throw new dev.statecraft.api.CallbackTimeout("no answer to " + event + " within " + timeout);
    }
    if (answer != null && answer.hasNonNull("error")) {
      JsonNode cause = answer.get("cause");
      throw new ActivityFailedException(
          answer.get("error").asText(), cause == null || cause.isNull() ? null : cause.asText());
    }
    return ActivityJson.mapper().convertValue(answer == null ? null : answer.get("answer"), type);
  }

  /** Runs another workflow's orchestrator as a sub-orchestration and returns its output. */
  public static <T> T child(
      TaskOrchestrationContext ctx, String orchestrator, Object input, Class<T> type) {
    try {
      return ctx.callSubOrchestrator(orchestrator, input, type).await();
    } catch (com.microsoft.durabletask.TaskFailedException e) {
      String message =
          e.getErrorDetails() == null ? e.getMessage() : e.getErrorDetails().getErrorMessage();
      throw new dev.statecraft.api.WorkflowFailure("ChildWorkflowFailed", message);
    }
  }

  /**
   * The orchestration's input decoded with the project's Jackson configuration (a field the type
   * lacks is ignored, as everywhere else), not the durabletask data converter's, which fails on it.
   */
  public static <T> T input(TaskOrchestrationContext ctx, Class<T> type) {
    return ActivityJson.mapper().convertValue(ctx.getInput(JsonNode.class), type);
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
    return await(
        ctx,
        spec,
        ctx.callActivity(spec.functionName(), args, String.class),
        ctx.createTimer(spec.timeout()));
  }

  private static String await(
      TaskOrchestrationContext ctx, ActivitySpec spec, Task<String> call, Task<Void> timer) {
    Task<?> first = ctx.anyOf(call, timer).await();
    if (first == timer) {
      throw new ActivityFailedException(
          TIMEOUT_ERROR, spec.functionName() + " ran longer than " + format(spec.timeout()));
    }
    return call.await();
  }

  static String arguments(Object... namedArgs) {
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
