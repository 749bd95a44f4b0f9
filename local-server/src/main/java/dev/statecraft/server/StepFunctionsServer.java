package dev.statecraft.server;

import com.sun.net.httpserver.HttpServer;
import dev.statecraft.api.spi.SecretStore;
import dev.statecraft.local.EngineOptions;
import dev.statecraft.local.LocalEngine;
import dev.statecraft.manifest.DeploymentManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local AWS Step Functions endpoint: the embedded engine ({@link LocalEngine}) behind the Step
 * Functions JSON API, so that the AWS SDKs and the AWS CLI work against it unchanged.
 *
 * <h2>The API</h2>
 *
 * <p>{@code POST /} with {@code Content-Type: application/x-amz-json-1.0} and {@code X-Amz-Target:
 * AWSStepFunctions.<Operation>} serves {@code CreateStateMachine}, {@code UpdateStateMachine},
 * {@code DeleteStateMachine}, {@code DescribeStateMachine}, {@code ListStateMachines}, {@code
 * ValidateStateMachineDefinition}, {@code StartExecution}, {@code StartSyncExecution}, {@code
 * DescribeExecution}, {@code ListExecutions}, {@code GetExecutionHistory}, {@code StopExecution},
 * {@code SendTaskSuccess}, {@code SendTaskFailure} and {@code SendTaskHeartbeat}, with AWS's field
 * names, ARNs ({@code arn:aws:states:us-east-1:000000000000:stateMachine:NAME}), epoch-second
 * timestamps, statuses, paging and errors (HTTP 400, {@code
 * {"__type":"ExecutionDoesNotExist","message":...}}). Requests are not authenticated: any
 * credentials and region do.
 *
 * <h2>Callbacks</h2>
 *
 * <p>{@code POST /callbacks?token=TOKEN} with a JSON body completes the task waiting for {@code
 * TOKEN} as {@code SendTaskSuccess} would; {@code &error=NAME&cause=TEXT} fails it. {@link
 * #callbackUrl()} is the URL to substitute for a compiled workflow's {@code
 * ${StatecraftCallbackUrl}}. {@link CallbackEndpoint} serves only this endpoint, for an engine that
 * runs without the API.
 *
 * <h2>Lambda functions</h2>
 *
 * <p>Task resources that are Lambda functions run handlers registered on {@link #engine()}, or call
 * the HTTP endpoints of {@link Options#httpLambdas()}.
 *
 * <h2>Durability</h2>
 *
 * <p>Everything lives under {@link Options#stateDir()}: {@code engine.db} (the engine's SQLite
 * database) and {@code state-machines.json} (type, role, logging and tracing of each state
 * machine). Executions that were running when the server stopped continue when it starts again.
 *
 * <pre>{@code
 * try (StepFunctionsServer server =
 *     StepFunctionsServer.open(StepFunctionsServer.Options.defaults().withPort(0))) {
 *   server.engine().registerLambda("greet", new GreetHandler());  // before start()
 *   server.start();
 *   SfnClient sfn = SfnClient.builder().endpointOverride(server.endpoint())...build();
 * }
 * }</pre>
 */
public final class StepFunctionsServer implements AutoCloseable {
  private final LocalEngine engine;
  private final HttpServer http;
  private final ExecutorService threads;
  private final URI endpoint;
  private final ExecutionOperations executions;
  private final TaskOperations tasks;
  private final CallbackHandler callbacks;
  private boolean started;

  private StepFunctionsServer(
      LocalEngine engine,
      HttpServer http,
      ExecutorService threads,
      String host,
      ExecutionOperations executions,
      TaskOperations tasks,
      CallbackHandler callbacks) {
    this.engine = engine;
    this.http = http;
    this.threads = threads;
    this.endpoint = baseUrl(http, host);
    this.executions = executions;
    this.tasks = tasks;
    this.callbacks = callbacks;
  }

  /** {@code http://HOST:PORT} of a bound server; {@code localhost} when it listens everywhere. */
  static URI baseUrl(HttpServer http, String host) {
    boolean anyInterface = http.getAddress().getAddress().isAnyLocalAddress();
    String urlHost = anyInterface ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + urlHost + ":" + http.getAddress().getPort());
  }

  /** The request threads: daemons, so that a server left open never keeps the JVM alive. */
  static ExecutorService daemonThreads() {
    return Executors.newCachedThreadPool(
        runnable -> {
          Thread thread = new Thread(runnable, "statecraft-http");
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Opens the engine on {@code options.stateDir()} and binds the port, without serving yet:
   * register Lambda handlers and create state machines on {@link #engine()}, then {@link #start()}.
   *
   * @throws UncheckedIOException when the port cannot be bound or the folder not created
   */
  public static StepFunctionsServer open(Options options) {
    LocalEngine engine = null;
    try {
      Files.createDirectories(options.stateDir());
      engine = LocalEngine.open(EngineOptions.durable(options.stateDir().resolve("engine.db")));
      for (Map.Entry<String, URI> lambda : options.httpLambdas().entrySet()) {
        engine.registerLambda(lambda.getKey(), new HttpLambda(lambda.getValue()));
      }
      HttpServer http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 0);
      ExecutorService threads = daemonThreads();
      http.setExecutor(threads);
      StateMachineSettings settings =
          new StateMachineSettings(options.stateDir().resolve("state-machines.json"));
      StateMachineOperations stateMachines = new StateMachineOperations(engine, settings);
      TaskOperations tasks = new TaskOperations(engine);
      ExecutionOperations executions =
          new ExecutionOperations(engine, stateMachines, options.syncTimeout());
      http.createContext("/", new ApiHandler(stateMachines, executions, tasks));
      CallbackHandler callbacks = new CallbackHandler(tasks);
      http.createContext(CallbackHandler.PATH, callbacks);
      return new StepFunctionsServer(
          engine, http, threads, options.host(), executions, tasks, callbacks);
    } catch (IOException e) {
      if (engine != null) {
        engine.close();
      }
      throw new UncheckedIOException(
          "cannot serve on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Continues the executions that were running when the server last stopped, then serves requests.
   * Calling it again does nothing.
   */
  public synchronized StepFunctionsServer start() {
    if (!started) {
      started = true;
      engine.resumeUnfinished();
      http.start();
    }
    return this;
  }

  /**
   * Serves the routes of a compiled project as its deployment does: {@code POST /webhooks/{path}}
   * starts a workflow from a signed request (its signing secret read from the environment variable
   * {@code @Webhook(secretEnv)} names), and {@code POST /callbacks/WORKFLOW/WAIT?token=} answers
   * its waits, each body checked against the type. {@code StartExecution} and {@code
   * StartSyncExecution} of the state machine named after a workflow check the input against the
   * workflow's parameter type too: a misfit is HTTP 400 {@code InvalidExecutionInput} naming the
   * problem, and nothing starts.
   *
   * @param manifest the project's deployment manifest
   * @param classes where the project's classes are, to check answers against their types
   */
  public StepFunctionsServer serveProject(DeploymentManifest manifest, ClassLoader classes) {
    return serveProject(manifest, classes, SecretStore.environment());
  }

  /**
   * Like {@link #serveProject(DeploymentManifest, ClassLoader)}, with the webhooks' signing secrets
   * read from {@code secrets}.
   */
  public StepFunctionsServer serveProject(
      DeploymentManifest manifest, ClassLoader classes, SecretStore secrets) {
    callbacks.serve(ProjectRoutes.callbacks(manifest, classes, tasks));
    executions.checkInputs(ProjectRoutes.inputCheck(manifest, classes));
    if (!manifest.routes().isEmpty()) {
      http.createContext(
          WebhookHandler.PATH,
          new WebhookHandler(ProjectRoutes.webhooks(manifest, classes, engine, secrets)));
    }
    return this;
  }

  /** The engine behind the API: register Lambda handlers and task invokers here. */
  public LocalEngine engine() {
    return engine;
  }

  /**
   * The API's URL, {@code http://localhost:PORT}, for {@code endpointOverride} or {@code
   * --endpoint-url}.
   */
  public URI endpoint() {
    return endpoint;
  }

  /** The callback endpoint, {@code http://localhost:PORT/callbacks}. */
  public URI callbackUrl() {
    return URI.create(endpoint + CallbackHandler.PATH);
  }

  /** The URL of the webhook {@code path}, {@code http://localhost:PORT/webhooks/PATH}. */
  public URI webhookUrl(String path) {
    return URI.create(endpoint + WebhookHandler.PATH + path);
  }

  /** The port the server listens on (useful after asking for port 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /**
   * Stops serving and closes the engine; running executions stay stored and continue on the next
   * {@link #start()} over the same folder.
   */
  @Override
  public void close() {
    http.stop(0);
    threads.shutdownNow();
    engine.close();
  }

  /**
   * How to open a {@link StepFunctionsServer}.
   *
   * <pre>{@code
   * Options.defaults()                                   // localhost:8083, .statecraft/server
   *     .withPort(0)                                     // any free port
   *     .withStateDir(Path.of("/tmp/sfn"))
   *     .withHttpLambda("enrich", URI.create("http://localhost:9000/enrich"));
   * }</pre>
   *
   * @param host the interface to listen on, {@code localhost} by default; {@code 0.0.0.0} for all
   * @param port the port, 8083 by default; 0 picks a free one
   * @param stateDir where the engine's database and the state machines' settings live
   * @param httpLambdas Lambda function names served by an HTTP endpoint each: the payload is POSTed
   *     to it as JSON and the response body is the result
   * @param syncTimeout how long {@code StartSyncExecution} waits before giving up
   */
  public record Options(
      String host, int port, Path stateDir, Map<String, URI> httpLambdas, Duration syncTimeout) {
    /** The default port, which {@code statecraft run} also names in callback URLs. */
    public static final int DEFAULT_PORT = 8083;

    /** Checks the options and fills in defaults for null ones. */
    public Options {
      host = host == null ? "localhost" : host;
      stateDir = stateDir == null ? Path.of(".statecraft", "server") : stateDir;
      httpLambdas = httpLambdas == null ? Map.of() : Map.copyOf(httpLambdas);
      syncTimeout = syncTimeout == null ? Duration.ofMinutes(5) : syncTimeout;
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
    }

    /** {@code localhost:8083}, state in {@code .statecraft/server}, no HTTP Lambdas. */
    public static Options defaults() {
      return new Options(null, DEFAULT_PORT, null, null, null);
    }

    /** A copy listening on another interface. */
    public Options withHost(String newHost) {
      return new Options(newHost, port, stateDir, httpLambdas, syncTimeout);
    }

    /** A copy listening on another port; 0 picks a free one. */
    public Options withPort(int newPort) {
      return new Options(host, newPort, stateDir, httpLambdas, syncTimeout);
    }

    /** A copy keeping its state in another folder. */
    public Options withStateDir(Path dir) {
      return new Options(host, port, dir, httpLambdas, syncTimeout);
    }

    /** A copy that also serves the Lambda function {@code name} by POSTing to {@code url}. */
    public Options withHttpLambda(String name, URI url) {
      Map<String, URI> lambdas = new LinkedHashMap<>(httpLambdas);
      lambdas.put(name, url);
      return new Options(host, port, stateDir, lambdas, syncTimeout);
    }

    /** A copy whose {@code StartSyncExecution} waits at most {@code timeout}. */
    public Options withSyncTimeout(Duration timeout) {
      return new Options(host, port, stateDir, httpLambdas, timeout);
    }
  }
}
