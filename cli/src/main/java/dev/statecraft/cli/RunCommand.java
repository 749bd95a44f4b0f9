package dev.statecraft.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.adapters.StrictJson;
import dev.statecraft.compiler.Artifact;
import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.local.DatabaseInUseException;
import dev.statecraft.local.EngineOptions;
import dev.statecraft.local.ExecutionResult;
import dev.statecraft.local.ExecutionStatus;
import dev.statecraft.local.LocalEngine;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.FunctionSpec;
import dev.statecraft.manifest.WorkflowSpec;
import dev.statecraft.server.CallbackEndpoint;
import dev.statecraft.server.StepFunctionsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code statecraft run}: compiles the project in-process, emits the workflow's Step Functions
 * definition, and runs that definition on the embedded engine, durably: every transition is
 * committed to {@code <state-dir>/<workflow>/executions.db}, and running again with the same {@code
 * --execution-name} after a crash resumes the execution where it stopped.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Compile a project and run one workflow locally on the embedded engine.")
final class RunCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final com.fasterxml.jackson.databind.ObjectWriter PRETTY =
      JSON.writer(
          new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
              .withSeparators(
                  com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(
                          com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)));

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "DIR",
      description = "Folder of the project's Java sources.")
  Path source;

  @Option(
      names = "--workflow",
      paramLabel = "NAME",
      description = "Which workflow to run, when the project has several.")
  String workflow;

  @Option(
      names = "--input",
      paramLabel = "FILE_OR_JSON",
      description = "The execution input: a JSON file, or JSON text (default: null).")
  String input;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Also write the output JSON to this file.")
  Path output;

  @Option(
      names = "--execution-name",
      paramLabel = "NAME",
      description = "Name the execution; running again with the same name resumes it.")
  String executionName;

  @Option(
      names = "--state-dir",
      defaultValue = ".statecraft",
      paramLabel = "DIR",
      description = "Where executions are stored (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(
      names = "--timeout",
      defaultValue = "P1D",
      paramLabel = "DURATION",
      description = "Give up waiting after this ISO-8601 duration (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--callback-port",
      paramLabel = "N",
      description =
          "While a workflow that awaits callbacks runs, answer them at"
              + " http://localhost:N/callbacks; 0 picks a free port (default: "
              + StepFunctionsServer.Options.DEFAULT_PORT
              + ", or a free port when it is taken).")
  Integer callbackPort;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the output, not each step.")
  boolean quiet;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CompileCommand.requireDirectory(source);
    String inputJson = inputJson();
    CompilationResult result = StatecraftCompiler.compile(source, EnumSet.of(Target.AWS));
    err.print(result.formattedDiagnostics());
    if (!result.succeeded()) {
      err.println("statecraft: compilation failed");
      return Main.USAGE;
    }
    CompiledWorkflow wf = choose(result.workflows());
    Path home = stateDir.resolve(wf.name());
    URLClassLoader classes =
        ProjectClasses.compile(
            StatecraftCompiler.sourceFiles(source),
            handlers(result.workflows()),
            home.resolve("build"),
            err);
    checkInput(wf, result.manifest(), inputJson, classes);
    String name = executionName != null ? executionName : defaultName();
    if (!quiet) {
      out.printf(
          "statecraft: running '%s' on the embedded engine (execution '%s', state in %s)%n",
          wf.name(), name, home.resolve("executions.db"));
      unsetEnvironment(result.manifest(), out);
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(classes);
    StepPrinter steps = new StepPrinter(out, quiet);
    DeploymentManifest manifest = result.manifest();
    try (LocalEngine engine =
            LocalEngine.open(
                EngineOptions.durable(home.resolve("executions.db")).withListener(steps));
        CallbackEndpoint callbacks =
            awaitsCallbacks(manifest) ? callbacks(engine, manifest, classes, err) : null) {
      String callbackUrl = callbacks == null ? "" : callbacks.url().toString();
      registerFunctions(engine, manifest, classes);
      for (CompiledWorkflow each : result.workflows()) {
        engine.createStateMachine(each.name(), localDefinition(each, manifest, callbackUrl));
      }
      engine.resumeUnfinished();
      Optional<ExecutionResult> earlier =
          engine.describe(LocalEngine.executionArn(wf.name(), name));
      String arn = engine.startExecution(wf.name(), name, inputJson);
      if (earlier.isPresent() && !quiet) {
        boolean ended = earlier.get().status().isTerminal();
        out.printf(
            ended
                ? "statecraft: execution '%s' has already run (%s after %d state transitions)%n"
                : "statecraft: resuming execution '%s' (%s, %d state transitions so far)%n",
            name,
            earlier.get().status(),
            earlier.get().stateTransitions());
        if (callbacks != null && !ended) {
          steps.pendingCallbacks(engine.history(arn), callbackUrl);
        }
      }
      // Interrupted (Ctrl-C) while it runs or waits: nothing is lost; say how to go on.
      Thread hint =
          new Thread(
              () -> {
                err.printf(
                    "%nstatecraft: stopped; run again with --execution-name %s to resume%n", name);
                err.flush();
              },
              "statecraft-run-interrupted");
      Runtime.getRuntime().addShutdownHook(hint);
      ExecutionResult r;
      try {
        r = engine.awaitResult(arn, timeout);
      } finally {
        Runtime.getRuntime().removeShutdownHook(hint);
      }
      return report(r, out, err);
    } catch (TimeoutException e) {
      err.printf(
          "statecraft: still running after %s; run again with --execution-name %s to resume%n",
          timeout, name);
      return Main.FAILED;
    } catch (DatabaseInUseException e) {
      throw new Main.UsageException(
          e.getMessage()
              + ": another statecraft run of this workflow is running; wait for it, or give this"
              + " one its own --state-dir (to run many executions at once, use statecraft serve)");
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
      classes.close();
    }
  }

  private int report(ExecutionResult r, PrintWriter out, PrintWriter err) throws IOException {
    if (r.status() != ExecutionStatus.SUCCEEDED) {
      if (!quiet) {
        out.printf("statecraft: %s after %d state transitions%n", r.status(), r.stateTransitions());
      }
      err.printf(
          "statecraft: execution %s: %s: %s%n",
          r.status().name().toLowerCase(java.util.Locale.ROOT), r.error(), r.cause());
      return Main.FAILED;
    }
    String pretty =
        PRETTY.writeValueAsString(JSON.readTree(r.outputJson() == null ? "null" : r.outputJson()));
    if (!quiet) {
      out.printf(
          "statecraft: SUCCEEDED after %d state transitions; output:%n", r.stateTransitions());
    }
    out.println(pretty);
    if (output != null) {
      if (output.toAbsolutePath().getParent() != null) {
        Files.createDirectories(output.toAbsolutePath().getParent());
      }
      Files.writeString(output, pretty + "\n", StandardCharsets.UTF_8);
    }
    return Main.OK;
  }

  private CompiledWorkflow choose(List<CompiledWorkflow> workflows) {
    List<String> names = workflows.stream().map(CompiledWorkflow::name).toList();
    if (workflow == null) {
      if (workflows.size() == 1) {
        return workflows.get(0);
      }
      throw new Main.UsageException(
          "the project has "
              + workflows.size()
              + " workflows; choose one with --workflow: "
              + String.join(", ", names));
    }
    return workflows.stream()
        .filter(w -> w.name().equals(workflow))
        .findFirst()
        .orElseThrow(
            () ->
                new Main.UsageException(
                    "no workflow named '"
                        + workflow
                        + "'; the project has: "
                        + String.join(", ", names)));
  }

  /** The {@code --input} JSON: the file's contents when it names a file, else the text itself. */
  private String inputJson() throws IOException {
    if (input == null) {
      return "null";
    }
    Path file = Path.of(input);
    boolean isFile =
        !input.isBlank()
            && !input.trim().startsWith("{")
            && !input.trim().startsWith("[")
            && Files.isRegularFile(file);
    String text = isFile ? Files.readString(file, StandardCharsets.UTF_8) : input;
    try {
      return JSON.readTree(text).toString();
    } catch (JsonProcessingException e) {
      throw new Main.UsageException(
          "--input "
              + (isFile
                  ? "file " + file + " is not valid JSON"
                  : "is neither a file nor valid JSON")
              + ": "
              + e.getOriginalMessage());
    }
  }

  /**
   * Checks the input against the workflow parameter's type as a webhook's body is checked, so a
   * malformed input fails before running.
   */
  private static void checkInput(
      CompiledWorkflow wf, DeploymentManifest manifest, String inputJson, ClassLoader classes) {
    WorkflowSpec spec = manifest.workflow(wf.name()).orElseThrow();
    if (spec.input().isEmpty() || inputJson.equals("null")) {
      return;
    }
    Optional<String> problem = StrictJson.mismatch(spec.inputType(), inputJson, classes);
    if (problem.isPresent()) {
      throw new Main.UsageException(
          "--input "
              + problem.get()
              + " (the parameter '"
              + wf.ir().input().orElseThrow().name()
              + "' of workflow '"
              + wf.name()
              + "')");
    }
  }

  /**
   * The generated Lambda handler sources of every workflow, once per class: a child workflow's
   * activities run in the same engine, and workflows calling the same activity emit the same
   * handler.
   */
  static List<Artifact> handlers(List<CompiledWorkflow> workflows) {
    Map<String, Artifact> byClass = new LinkedHashMap<>();
    for (CompiledWorkflow wf : workflows) {
      for (Artifact a : wf.artifacts()) {
        int at = a.path().indexOf("/handlers/");
        if (at >= 0) {
          byClass.putIfAbsent(a.path().substring(at), a);
        }
      }
    }
    return List.copyOf(byClass.values());
  }

  /**
   * Names the {@code @Env} variables this process lacks: activities run in it and read its
   * environment, which a deployment would have set.
   */
  static void unsetEnvironment(DeploymentManifest manifest, PrintWriter out) {
    java.util.TreeMap<String, String> unset = new java.util.TreeMap<>();
    for (FunctionSpec f : manifest.functions()) {
      f.environment()
          .forEach(
              (k, v) -> {
                if (System.getenv(k) == null) {
                  unset.put(k, v);
                }
              });
    }
    if (!unset.isEmpty()) {
      StringBuilder list = new StringBuilder();
      unset.forEach((k, v) -> list.append(' ').append(k).append('=').append(v));
      out.printf(
          "statecraft: @Env variables this shell does not set (a deployment sets them):%s%n", list);
    }
  }

  /** Registers every function of the manifest under its key, as its generated handler. */
  static void registerFunctions(
      LocalEngine engine, DeploymentManifest manifest, ClassLoader classes) {
    for (FunctionSpec f : manifest.functions()) {
      engine.registerLambda(f.key(), handler(classes, f.awsHandler()));
    }
  }

  static RequestStreamHandler handler(ClassLoader classes, String className) {
    try {
      return (RequestStreamHandler)
          Class.forName(className, true, classes).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create generated handler " + className + ": " + e, e);
    }
  }

  /**
   * The definition with its placeholders filled in for the embedded engine, as CDK's definition
   * substitutions fill them with ARNs in the cloud: each Lambda function by its name (the key it is
   * registered under), each child workflow by its local state machine ARN, and the callback URL by
   * {@code callbackUrl}.
   */
  static String localDefinition(
      CompiledWorkflow wf, DeploymentManifest manifest, String callbackUrl) {
    WorkflowSpec spec =
        manifest
            .workflow(wf.name())
            .orElseThrow(() -> new IllegalStateException("no manifest entry for " + wf.name()));
    return spec.substitute(
        wf.stateMachine(),
        s ->
            switch (s.kind()) {
              case FUNCTION -> s.target();
              case STATE_MACHINE -> LocalEngine.stateMachineArn(s.target());
              case CALLBACK_URL -> callbackUrl;
            });
  }

  private static boolean awaitsCallbacks(DeploymentManifest manifest) {
    return manifest.workflows().stream().anyMatch(WorkflowSpec::awaitsCallbacks);
  }

  /**
   * The callback endpoint for this run: on {@code --callback-port}, else on the default port, else
   * (the default taken, say by {@code statecraft serve}) on a free one.
   */
  private CallbackEndpoint callbacks(
      LocalEngine engine, DeploymentManifest manifest, ClassLoader classes, PrintWriter err) {
    int port = callbackPort != null ? callbackPort : StepFunctionsServer.Options.DEFAULT_PORT;
    try {
      return CallbackEndpoint.open(engine, "localhost", port, manifest, classes);
    } catch (UncheckedIOException e) {
      if (callbackPort != null) {
        throw new Main.UsageException(e.getMessage() + "; choose another --callback-port");
      }
      CallbackEndpoint any = CallbackEndpoint.open(engine, "localhost", 0, manifest, classes);
      err.printf("statecraft: port %d is taken; callbacks are answered at %s%n", port, any.url());
      return any;
    }
  }

  private static String defaultName() {
    return "run-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }
}
