package dev.statecraft.referee.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.DurableTaskGrpcClientBuilder;
import com.microsoft.durabletask.FailureDetails;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import com.microsoft.durabletask.azurefunctions.HttpManagementPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs compiled Durable Functions on a real Durable Task engine: Microsoft's durabletask-go with
 * its SQLite backend (built by {@value #BUILD_COMMAND} into {@code
 * tools/durabletask-referee/build/}) as the sidecar, and durabletask-java's gRPC worker hosting the
 * generated functions as the Azure Functions host does. Instances start through the generated HTTP
 * starter.
 *
 * <pre>{@code
 * try (AzureReferee referee = AzureReferee.start(AzureReferee.engine().orElseThrow(), dir);
 *     AzureApp app = AzureApp.compile(Path.of("examples/support-triage"), dir.resolve("app"));
 *     AzureReferee.Host host = referee.host(app, Hosting.FUNCTIONS_HOST)) {
 *   AzureRun run = host.run("support-triage", input, List.of(), Duration.ofMinutes(1));
 *   System.out.println(run.output() + " " + run.counts());
 * }
 * }</pre>
 *
 * <p>One engine runs one host at a time, and a host one instance at a time, so that every activity
 * execution belongs to the run that reports it. Durable timers fire at most {@code timerCap} after
 * they are created (a day-long callback timeout passes in that time), so tests of long waits are
 * fast.
 */
public final class AzureReferee implements AutoCloseable {
  /** The command that builds the engine, from the repository root. */
  public static final String BUILD_COMMAND = "bash tools/build-durabletask.sh";

  /** Where the build puts the engine, relative to the repository root. */
  public static final String ENGINE_PATH = "tools/durabletask-referee/build/durabletask-referee";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Sidecar sidecar;
  private final DurableTaskClient client;
  private final DurableClientContext durableClient;
  private final Path workDir;

  private AzureReferee(Sidecar sidecar, Path workDir) {
    this.sidecar = sidecar;
    this.workDir = workDir;
    this.client = new DurableTaskGrpcClientBuilder().port(sidecar.grpcPort()).build();
    // What the Functions host binds to a @DurableClientInput parameter; it keeps its gRPC client.
    this.durableClient = new DurableClientContext();
    set(durableClient, "rpcBaseUrl", "http://127.0.0.1:" + sidecar.grpcPort() + "/");
    set(durableClient, "taskHubName", "statecraft");
    set(durableClient, "requiredQueryStringParameters", "code=referee");
  }

  /** The built engine, found from the working directory or one of its parents. */
  public static Optional<Path> engine() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(ENGINE_PATH);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Starts the engine with timers capped at one second. */
  public static AzureReferee start(Path engine, Path workDir) {
    return start(engine, workDir, Duration.ofSeconds(1));
  }

  /**
   * Starts the engine on free 127.0.0.1 ports with its task hub in {@code workDir}.
   *
   * @param timerCap the longest a durable timer waits ({@link Duration#ZERO}: wall-clock timers)
   */
  public static AzureReferee start(Path engine, Path workDir, Duration timerCap) {
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AzureReferee(
        Sidecar.start(engine, workDir.resolve("taskhub.db"), timerCap), workDir);
  }

  /** The engine's gRPC port, for a worker in another process. */
  public int port() {
    return sidecar.grpcPort();
  }

  /** Hosts {@code app}'s functions on a worker in this JVM. */
  public Host host(AzureApp app, Hosting hosting) {
    return new Host(app, hosting);
  }

  /** The billing counts of an instance, empty when the engine never ran it. */
  public Optional<BilledCounts> counts(String instanceId) {
    return sidecar.counts(instanceId);
  }

  /**
   * Starts an instance of {@code workflow} through the app's generated HTTP starter, as {@code POST
   * /api/<workflow>} with {@code input} as body, and returns its instance id.
   */
  public String start(AzureApp app, String workflow, JsonNode input) {
    AzureApp.Function starter = app.starter(workflow);
    StarterRequest request =
        new StarterRequest(
            URI.create("http://127.0.0.1:7071/api/" + workflow),
            input == null ? null : input.toString());
    try {
      Object target = starter.type().getConstructor().newInstance();
      HttpResponseMessage response =
          (HttpResponseMessage) starter.method().invoke(target, request, durableClient);
      return ((HttpManagementPayload) response.getBody()).getId();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the HTTP starter failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for an instance to finish and reads it as a client does. */
  public AzureRun await(String instanceId, Duration timeout, List<ActivityAttempt> calls) {
    OrchestrationMetadata m;
    try {
      m = waitForCompletion(instanceId, timeout);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "instance "
              + instanceId
              + " still running after "
              + timeout
              + "; engine log:\n"
              + sidecar.recentLog(),
          e);
    }
    BilledCounts counts = sidecar.counts(instanceId).orElse(new BilledCounts(0, 0, 0, 0, 0, 0, 0));
    if (m.getRuntimeStatus() == OrchestrationRuntimeStatus.COMPLETED) {
      return new AzureRun(
          instanceId, parse(m.getSerializedOutput()), Optional.empty(), calls, counts);
    }
    return new AzureRun(instanceId, NullNode.getInstance(), Optional.of(failure(m)), calls, counts);
  }

  /**
   * Polls the instance every 10 ms: the engine's own wait backs off to 3 s between looks, which
   * would make a run of a few hundred milliseconds take seconds.
   */
  private OrchestrationMetadata waitForCompletion(String instanceId, Duration timeout)
      throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      OrchestrationMetadata m = client.getInstanceMetadata(instanceId, true);
      if (m.isInstanceFound() && m.isCompleted()) {
        return m;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(instanceId);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The published error name and cause, else the failure details' type and message. */
  private static AzureRun.Failure failure(OrchestrationMetadata m) {
    JsonNode status = parse(m.isCustomStatusFetched() ? m.readCustomStatusAs(String.class) : null);
    if (status.isTextual()) {
      status = parse(status.asText());
    }
    if (status.hasNonNull("error")) {
      JsonNode cause = status.get("cause");
      return new AzureRun.Failure(
          status.get("error").asText(), cause == null || cause.isNull() ? null : cause.asText());
    }
    FailureDetails d = m.getFailureDetails();
    if (d == null) {
      return new AzureRun.Failure(String.valueOf(m.getRuntimeStatus()), null);
    }
    return new AzureRun.Failure(d.getErrorType(), d.getErrorMessage());
  }

  /** What the Functions host binds to {@code @DurableClientInput} parameters. */
  DurableClientContext durableClient() {
    return durableClient;
  }

  private static JsonNode parse(String json) {
    if (json == null || json.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(json);
    }
  }

  private static void set(Object target, String field, Object value) {
    try {
      Field f = target.getClass().getDeclaredField(field);
      f.setAccessible(true);
      f.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot populate DurableClientContext." + field, e);
    }
  }

  @Override
  public void close() {
    try {
      client.close();
      durableClient.getClient().close();
    } finally {
      sidecar.close();
    }
  }

  Path workDir() {
    return workDir;
  }

  /** An app's functions hosted on a worker of this JVM, connected to the engine. */
  public final class Host implements AutoCloseable {
    private AzureApp app;
    private final FunctionsHost worker;
    private final Object lock = new Object();
    private List<CallbackAnswer> answers = List.of();
    private final AtomicInteger callbacks = new AtomicInteger();

    private Host(AzureApp app, Hosting hosting) {
      this.app = app;
      this.worker = new FunctionsHost(app, sidecar.grpcPort(), hosting, this::answerCallbacks);
    }

    /**
     * Runs one instance to its end. Each callback handed to an activity is answered, after that
     * activity returns, with the next of {@code answers} (none left: nobody answers).
     */
    public AzureRun run(
        String workflow, JsonNode input, List<CallbackAnswer> answers, Duration timeout) {
      synchronized (lock) {
        worker.drainAttempts();
        this.answers = List.copyOf(answers);
        callbacks.set(0);
        String id = start(app, workflow, input);
        try {
          AzureRun run = await(id, timeout, List.of());
          return new AzureRun(
              run.instanceId(),
              run.output(),
              run.failure(),
              new ArrayList<>(worker.drainAttempts()),
              run.counts());
        } catch (RuntimeException e) {
          // Never leave an instance running into the next run.
          try {
            client.terminate(id, "the referee gave up waiting");
          } catch (RuntimeException ignored) {
            // it ended meanwhile
          }
          throw e;
        }
      }
    }

    /**
     * Runs the functions of {@code reloaded} ({@link AzureApp#reload} of this host's app) from the
     * next run on: fresh static state without a new worker.
     */
    public void use(AzureApp reloaded) {
      synchronized (lock) {
        worker.use(reloaded);
        app = reloaded;
      }
    }

    private void answerCallbacks(ActivityAttempt attempt) {
      if (!attempt.returned()) {
        return;
      }
      attempt
          .arguments()
          .forEach(
              argument -> {
                if (argument.hasNonNull("token") && argument.hasNonNull("url")) {
                  int k = callbacks.getAndIncrement();
                  CallbackAnswer answer =
                      k < answers.size() ? answers.get(k) : new CallbackAnswer.None();
                  Callbacks.answer(AzureReferee.this, app, argument, answer);
                }
              });
    }

    @Override
    public void close() {
      worker.close();
    }
  }
}
