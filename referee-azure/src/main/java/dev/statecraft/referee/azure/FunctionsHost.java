package dev.statecraft.referee.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.durabletask.DurableTaskGrpcWorker;
import com.microsoft.durabletask.DurableTaskGrpcWorkerBuilder;
import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityFactory;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.TaskOrchestrationFactory;
import com.microsoft.durabletask.interruption.ContinueAsNewInterruption;
import com.microsoft.durabletask.interruption.OrchestratorBlockedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The generated functions hosted on durabletask-java's gRPC worker: every {@code @FunctionName}
 * method with a {@code @DurableOrchestrationTrigger} parameter as a {@code TaskOrchestration},
 * every one with a {@code @DurableActivityTrigger} parameter as a {@code TaskActivity}.
 */
final class FunctionsHost implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DurableTaskGrpcWorker worker;
  private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
  private final List<ActivityAttempt> attempts = new ArrayList<>();
  private final Consumer<ActivityAttempt> onAttempt;

  /** The app whose classes run: swapped by {@link #use} for a reloaded one between runs. */
  private volatile AzureApp app;

  FunctionsHost(AzureApp app, int port, Hosting hosting, Consumer<ActivityAttempt> onAttempt) {
    this.onAttempt = onAttempt;
    this.app = app;
    DurableTaskGrpcWorkerBuilder builder = new DurableTaskGrpcWorkerBuilder().port(port);
    for (AzureApp.Function f : app.orchestrators().values()) {
      builder.addOrchestration(
          new TaskOrchestrationFactory() {
            @Override
            public String getName() {
              return f.name();
            }

            @Override
            public TaskOrchestration create() {
              return ctx -> ctx.complete(orchestrate(current(f, true), hosting, ctx));
            }
          });
    }
    for (AzureApp.Function f : app.activities().values()) {
      String activity = app.activityName(f.name());
      builder.addActivity(
          new TaskActivityFactory() {
            @Override
            public String getName() {
              return f.name();
            }

            @Override
            public TaskActivity create() {
              return ctx -> {
                String input = ctx.getInput(String.class);
                String envelope = (String) invoke(current(f, false), hosting, input);
                record(activity, input, envelope);
                return envelope;
              };
            }
          });
    }
    this.worker = builder.build();
    worker.start();
  }

  private Object instance(Class<?> type, Hosting hosting) {
    if (hosting == Hosting.DIRECT) {
      return shared.computeIfAbsent(type, FunctionsHost::create);
    }
    return create(type);
  }

  private static Object create(Class<?> type) {
    try {
      return type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
  }

  /**
   * Runs the orchestrator function. On the Functions host this is what OrchestrationMiddleware does
   * around the reflective invocation: the control-flow exceptions pass, anything else becomes
   * {@code RuntimeException("Unexpected failure in the task execution", e)}.
   */
  private Object orchestrate(AzureApp.Function f, Hosting hosting, TaskOrchestrationContext ctx) {
    Object target = instance(f.type(), hosting);
    if (hosting == Hosting.FUNCTIONS_HOST) {
      try {
        return f.method().invoke(target, ctx);
      } catch (Exception e) {
        if (e.getCause() instanceof OrchestratorBlockedException blocked) {
          throw blocked;
        }
        if (e.getCause() instanceof ContinueAsNewInterruption continued) {
          throw continued;
        }
        throw new RuntimeException("Unexpected failure in the task execution", e);
      }
    }
    return invoke(f, target, ctx);
  }

  private Object invoke(AzureApp.Function f, Hosting hosting, Object argument) {
    return invoke(f, instance(f.type(), hosting), argument);
  }

  private static Object invoke(AzureApp.Function f, Object target, Object argument) {
    try {
      return f.method().invoke(target, argument);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private void record(String activity, String input, String envelope) {
    try {
      JsonNode args = JSON.readTree(input);
      JsonNode answer = JSON.readTree(envelope);
      JsonNode error = answer.get("error");
      ActivityAttempt a =
          error != null && !error.isNull()
              ? new ActivityAttempt(
                  activity,
                  (ObjectNode) args,
                  null,
                  error.path("errorType").asText(),
                  error.path("errorMessage").isNull()
                      ? null
                      : error.path("errorMessage").asText(null))
              : new ActivityAttempt(activity, (ObjectNode) args, answer.get("result"), null, null);
      synchronized (attempts) {
        attempts.add(a);
      }
      onAttempt.accept(a);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code reloaded}'s classes from now on (the same functions, loaded anew). */
  void use(AzureApp reloaded) {
    shared.clear();
    this.app = reloaded;
  }

  private AzureApp.Function current(AzureApp.Function registered, boolean orchestrator) {
    AzureApp a = app;
    AzureApp.Function f =
        (orchestrator ? a.orchestrators() : a.activities()).get(registered.name());
    return f == null ? registered : f;
  }

  /** The attempts since the last call, in the order they ran. */
  List<ActivityAttempt> drainAttempts() {
    synchronized (attempts) {
      List<ActivityAttempt> out = List.copyOf(attempts);
      attempts.clear();
      return out;
    }
  }

  @Override
  public void close() {
    worker.close();
  }
}
