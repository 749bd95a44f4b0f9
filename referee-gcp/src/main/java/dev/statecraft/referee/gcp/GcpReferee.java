package dev.statecraft.referee.gcp;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.Callback;
import dev.statecraft.compiler.Artifact;
import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.compiler.gcp.CloudWorkflowsEmitter;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.java.ActivityEntryPoints;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs a project's compiled Cloud Workflows definitions on the Cloud Workflows emulator, an engine
 * nobody on this project wrote ({@code lemonberrylabs/gcw-emulator} with the documented features it
 * lacks, built by {@code tools/build-gcw-emulator.sh}): the front door of {@code referee-gcp}.
 *
 * <p>{@link #open} compiles the project with {@link StatecraftCompiler} for {@code gcp}, compiles
 * the user's sources and the generated Cloud Run functions with javac, serves the functions
 * in-process on 127.0.0.1 through the Functions Framework's executor, starts the emulator with each
 * activity's {@code <INTERFACE>_<METHOD>_URL} pointing at its function, and deploys every workflow
 * of the project under its name (child workflows are found by that id). {@link #run} starts one
 * execution and polls it to its end.
 *
 * <pre>{@code
 * try (GcpReferee gcp = GcpReferee.open(GcpReferee.emulator().orElseThrow(), sources, workDir)) {
 *   GcpRun run = gcp.run("support-triage", input, List.of());
 *   run.output(); run.failure(); run.calls(); run.steps().total();
 * }
 * }</pre>
 */
public final class GcpReferee implements AutoCloseable {
  /** Where {@code tools/build-gcw-emulator.sh} puts the emulator, under the repository root. */
  public static final String EMULATOR = "tools/gcw-emulator/gcw-emulator-patched";

  /** The command that builds it, for messages. */
  public static final String BUILD_COMMAND = "bash tools/build-gcw-emulator.sh";

  private static final ObjectMapper JSON = ActivityJson.mapper();
  private static final Pattern HTTP_STEP = Pattern.compile("- (\\w+):\\n\\s+call: http\\.post\\n");
  private static final Pattern JAVA_EXCEPTION =
      Pattern.compile("(?s)(java\\.lang\\.[A-Za-z]+(?:Exception|Error)): (.*)");

  private final CompilationResult compiled;
  private final URLClassLoader classes;
  private final FunctionHost host;
  private GcwEmulator emulator;
  private final Map<String, Route> routes;
  private final Map<String, String> definitions = new LinkedHashMap<>();
  private Path binary;
  private Map<String, String> environment;
  private final java.util.Set<String> httpSteps = new java.util.HashSet<>();
  private Duration timeout = Duration.ofMinutes(2);

  private GcpReferee(
      CompilationResult compiled,
      URLClassLoader classes,
      FunctionHost host,
      GcwEmulator emulator,
      Map<String, Route> routes) {
    this.compiled = compiled;
    this.classes = classes;
    this.host = host;
    this.emulator = emulator;
    this.routes = routes;
  }

  /** One activity's function: where it is served and how its values are typed. */
  private record Route(String activity, Class<?> function, Method method, List<String> names) {}

  /**
   * The built emulator: {@code $STATECRAFT_GCW_EMULATOR} when set, else {@link #EMULATOR} under the
   * working directory or one of its parents.
   */
  public static Optional<Path> emulator() {
    String set = System.getenv("STATECRAFT_GCW_EMULATOR");
    if (set != null && !set.isBlank()) {
      return Optional.of(Path.of(set)).filter(GcwEmulator::usable);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(EMULATOR);
      if (GcwEmulator.usable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Compiles the project under {@code sources} (Java files of workflows, activities and their
   * implementations) into {@code workDir} and starts the emulator {@code binary} with its
   * functions.
   *
   * @throws IllegalArgumentException when the project does not compile (the diagnostics or javac's
   *     errors are the message)
   */
  public static GcpReferee open(Path binary, Path sources, Path workDir) throws Exception {
    CompilationResult compiled = StatecraftCompiler.compile(sources, Set.of(Target.GCP));
    if (!compiled.succeeded()) {
      throw new IllegalArgumentException(compiled.formattedDiagnostics());
    }
    URLClassLoader classes = javac(sources, compiled, workDir);
    Map<String, Route> routes = new LinkedHashMap<>();
    for (CompiledWorkflow w : compiled.workflows()) {
      for (ActivityMethod a : w.ir().activities()) {
        String pkg = a.ownerPackage().isEmpty() ? "" : a.ownerPackage() + ".";
        Class<?> function =
            Class.forName(pkg + ActivityEntryPoints.className(a, "Function"), true, classes);
        Class<?> owner = Class.forName(a.owner(), true, classes);
        Method method =
            Stream.of(owner.getMethods())
                .filter(m -> m.getName().equals(a.name()))
                .findFirst()
                .orElseThrow();
        List<String> names = a.parameters().stream().map(ActivityMethod.Parameter::name).toList();
        routes.put(
            a.functionKey(),
            new Route(a.ownerSimpleName() + "." + a.name(), function, method, names));
      }
    }
    FunctionHost host = FunctionHost.start();
    Map<String, String> env = new HashMap<>();
    for (CompiledWorkflow w : compiled.workflows()) {
      for (ActivityMethod a : w.ir().activities()) {
        env.put(CloudWorkflowsEmitter.urlVariable(a), host.url(a.functionKey()));
      }
    }
    GcwEmulator emulator;
    try {
      emulator = GcwEmulator.start(binary, env, 2);
    } catch (IOException e) {
      host.close();
      throw e;
    }
    GcpReferee referee = new GcpReferee(compiled, classes, host, emulator, routes);
    referee.binary = binary;
    referee.environment = env;
    for (CompiledWorkflow w : compiled.workflows()) {
      String yaml = definition(w);
      Matcher m = HTTP_STEP.matcher(yaml);
      while (m.find()) {
        referee.httpSteps.add(m.group(1));
      }
      referee.definitions.put(w.name(), yaml);
      emulator.deploy(w.name(), yaml);
    }
    return referee;
  }

  /** The compilation the referee runs. */
  public CompilationResult compiled() {
    return compiled;
  }

  /** The longest {@link #run} waits for an execution (2 minutes unless set). */
  public GcpReferee timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /**
   * Runs the workflow {@code name} with {@code input} and waits for its end. Each activity call
   * that receives a {@link Callback} is answered, once its function returned, by POSTing the next
   * of {@code callbackAnswers} to the callback's URL; an empty answer lets the wait time out (the
   * emulator caps callback waits at 2 seconds).
   */
  public GcpRun run(String name, JsonNode input, List<Optional<JsonNode>> callbackAnswers)
      throws Exception {
    List<GcpRun.Call> calls = new ArrayList<>();
    Map<String, String> aliases = new HashMap<>();
    List<Exception> problems = new ArrayList<>();
    for (Map.Entry<String, Route> e : routes.entrySet()) {
      host.serve(e.getKey(), e.getValue().function());
    }
    host.listen(
        (path, request, status, response) -> {
          Route route = routes.get(path);
          try {
            synchronized (calls) {
              calls.add(record(route, request, status, response, aliases, callbackAnswers));
            }
          } catch (Exception ex) {
            synchronized (problems) {
              problems.add(ex);
            }
          }
        });
    if (!emulator.alive()) {
      restart();
    }
    GcwEmulator.Finished finished;
    try {
      String execution = emulator.start(name, input == null ? NullNode.getInstance() : input);
      finished = emulator.await(execution, timeout);
    } catch (IOException e) {
      if (emulator.alive()) {
        throw e;
      }
      // The emulator panics on some calls Cloud Workflows answers with an error (a text function
      // given null): the run fails, and the next run gets a fresh emulator.
      host.listen((p, q, s, r) -> {});
      return new GcpRun(
          name,
          "CRASHED",
          NullNode.getInstance(),
          Optional.of(new GcpRun.Failure("statecraft.EmulatorCrashed", e.getMessage(), "")),
          calls,
          new GcpRun.BilledSteps(0, 0),
          List.of());
    }
    host.listen((p, q, s, r) -> {});
    if (!problems.isEmpty()) {
      throw problems.get(0);
    }
    JsonNode resource = finished.execution();
    String state = resource.path("state").asText();
    JsonNode output = NullNode.getInstance();
    Optional<GcpRun.Failure> failure = Optional.empty();
    if (state.equals("SUCCEEDED")) {
      output =
          resource.hasNonNull("result") ? JSON.readTree(resource.get("result").asText()) : output;
    } else if (state.equals("FAILED")) {
      failure = Optional.of(failure(resource.path("error").path("payload").asText()));
    } else {
      failure =
          Optional.of(
              new GcpRun.Failure(
                  "statecraft.RefereeTimeout",
                  "still " + state + " after " + timeout + ":\n" + emulator.logTail(20),
                  ""));
    }
    long httpStepsRun = finished.steps().stream().filter(httpSteps::contains).count();
    int retries = (int) Math.max(0, calls.size() - httpStepsRun);
    return new GcpRun(
        name,
        state,
        output,
        failure,
        calls,
        new GcpRun.BilledSteps(finished.steps().size() + retries, 0),
        finished.steps());
  }

  /** Starts a fresh emulator with every workflow deployed, after the last one died. */
  private void restart() throws IOException {
    emulator.close();
    emulator = GcwEmulator.start(binary, environment, 2);
    for (Map.Entry<String, String> d : definitions.entrySet()) {
      emulator.deploy(d.getKey(), d.getValue());
    }
  }

  private GcpRun.Call record(
      Route route,
      byte[] request,
      int status,
      byte[] response,
      Map<String, String> aliases,
      List<Optional<JsonNode>> answers)
      throws Exception {
    JsonNode body = request.length == 0 ? JSON.createObjectNode() : JSON.readTree(request);
    ObjectNode arguments = JSON.createObjectNode();
    Type[] types = route.method().getGenericParameterTypes();
    for (int i = 0; i < route.names().size(); i++) {
      String param = route.names().get(i);
      JsonNode value = body.path(param);
      Object decoded = decode(value.isMissingNode() ? NullNode.getInstance() : value, types[i]);
      if (decoded instanceof Callback c) {
        String alias;
        synchronized (aliases) {
          alias = aliases.computeIfAbsent(c.token(), t -> "callback-" + (aliases.size() + 1));
        }
        if (status == 200) {
          int n = Integer.parseInt(alias.substring("callback-".length())) - 1;
          Optional<JsonNode> answer = n < answers.size() ? answers.get(n) : Optional.empty();
          if (answer.isPresent()) {
            emulator.postTo(c.url(), JSON.writeValueAsString(answer.get()));
          }
        }
        decoded = new Callback(alias, "http://localhost/statecraft/callbacks?token=" + alias);
      }
      JsonNode recorded = JSON.valueToTree(decoded);
      arguments.set(param, recorded == null ? NullNode.getInstance() : recorded);
    }
    JsonNode answer = response.length == 0 ? NullNode.getInstance() : JSON.readTree(response);
    if (status == 200) {
      JsonNode result = NullNode.getInstance();
      if (route.method().getReturnType() != void.class) {
        result = JSON.valueToTree(decode(answer, route.method().getGenericReturnType()));
      }
      return new GcpRun.Call(
          route.activity(), arguments, result == null ? NullNode.getInstance() : result, null);
    }
    String type = answer.path("errorType").asText("HTTP " + status);
    JsonNode message = answer.path("errorMessage");
    return new GcpRun.Call(
        route.activity(),
        arguments,
        null,
        message.isTextual() ? type + ": " + message.asText() : type);
  }

  private static Object decode(JsonNode value, Type type) {
    JavaType javaType = JSON.getTypeFactory().constructType(type);
    return JSON.convertValue(value, javaType);
  }

  /** A failed execution's error payload, named as {@link GcpRun.Failure} says. */
  static GcpRun.Failure failure(String payload) {
    JsonNode e;
    try {
      e = JSON.readTree(payload);
    } catch (IOException ex) {
      e = null;
    }
    if (e == null || !e.isObject()) {
      return new GcpRun.Failure("Error", payload, payload);
    }
    if (e.path("error").isTextual()) {
      return new GcpRun.Failure(e.get("error").asText(), text(e.get("cause")), payload);
    }
    JsonNode body = e.path("body");
    if (body.path("errorType").isTextual()) {
      return new GcpRun.Failure(
          body.get("errorType").asText(), text(body.get("errorMessage")), payload);
    }
    String message = text(e.get("message"));
    if (message != null) {
      Matcher m = JAVA_EXCEPTION.matcher(message);
      if (m.matches()) {
        return new GcpRun.Failure(m.group(1), m.group(2), payload);
      }
    }
    JsonNode tags = e.path("tags");
    String tag = tags.isArray() && !tags.isEmpty() ? tags.get(0).asText() : "Error";
    return new GcpRun.Failure(tag, message, payload);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String definition(CompiledWorkflow w) {
    return w.artifacts().stream()
        .filter(a -> a.path().startsWith("gcp/") && a.path().endsWith(".yaml"))
        .map(Artifact::content)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no Cloud Workflows file for " + w.name()));
  }

  /** Compiles the user's sources with the generated Cloud Run functions. */
  private static URLClassLoader javac(Path sources, CompilationResult compiled, Path workDir)
      throws IOException {
    Path generated = Files.createDirectories(workDir.resolve("generated"));
    Path out = Files.createDirectories(workDir.resolve("classes"));
    List<File> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(sources)) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toFile()));
    }
    Map<String, Artifact> functions = new LinkedHashMap<>();
    for (Artifact a : compiled.artifacts()) {
      int at = a.path().indexOf("/functions/");
      if (a.path().startsWith("gcp/") && at >= 0) {
        functions.putIfAbsent(a.path().substring(at + "/functions/".length()), a);
      }
    }
    for (Map.Entry<String, Artifact> e : functions.entrySet()) {
      Path file = generated.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue().content(), StandardCharsets.UTF_8);
      files.add(file.toFile());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("the GCP referee needs a JDK (javac), not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--release",
              "17",
              "-proc:none",
              "-parameters",
              "-nowarn",
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              out.toString());
      boolean ok =
          compiler
              .getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files))
              .call();
      if (!ok) {
        throw new IllegalArgumentException(
            "javac rejected the sources:\n"
                + diagnostics.getDiagnostics().stream()
                    .map(Object::toString)
                    .collect(Collectors.joining("\n")));
      }
    }
    List<URL> urls = new ArrayList<>(List.of(out.toUri().toURL()));
    for (Path resources :
        StatecraftCompiler.resourceDirs(StatecraftCompiler.sourceFiles(sources))) {
      urls.add(resources.toUri().toURL()); // the project's statecraft-llm.json, as in its jar
    }
    return new URLClassLoader(urls.toArray(URL[]::new), GcpReferee.class.getClassLoader());
  }

  @Override
  public void close() throws Exception {
    try {
      emulator.close();
      host.close();
    } finally {
      classes.close();
    }
  }
}
