package dev.statecraft.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.local.DatabaseInUseException;
import dev.statecraft.local.EngineOptions;
import dev.statecraft.local.ExecutionAlreadyExistsException;
import dev.statecraft.local.ExecutionDescription;
import dev.statecraft.local.ExecutionResult;
import dev.statecraft.local.ExecutionStatus;
import dev.statecraft.local.LocalEngine;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.FunctionSpec;
import dev.statecraft.manifest.WorkflowSpec;
import dev.statecraft.server.StepFunctionsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
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
    description = "Compile a project and run one workflow locally on the embedded engine.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the execution succeeded (its output is printed)",
      "1:the execution failed, timed out or was stopped (error and cause printed)",
      "2:bad usage, bad input or a compile error",
      "3:still running when --timeout expired (the hint says how to resume)",
      "4:cannot resume (the execution exists with another --input, or there is none)",
      "5:internal error: a bug in Statecraft (STATECRAFT_DEBUG=1 prints the stack trace)"
    })
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
      description =
          "The execution input: a JSON file, or JSON text; required when the workflow method"
              + " takes a parameter. Resuming needs none: the stored execution has its input.")
  String input;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description =
          "Also write the output JSON to this file; on failure"
              + " {\"status\": ..., \"error\": ..., \"cause\": ...}.")
  Path output;

  @Option(
      names = "--execution-name",
      paramLabel = "NAME",
      description =
          "Name the execution; running again with the same name (and no --input) resumes it.")
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
              + ", or a free port when it is taken; a resume binds the port its executions' URLs"
              + " name again).")
  Integer callbackPort;

  @Option(
      names = "--target",
      defaultValue = "aws",
      paramLabel = "aws|azure",
      description =
          "aws (default): the Step Functions definition on the embedded engine; azure: the Durable"
              + " Functions orchestrator on the Durable Task engine (build it first with "
              + "bash tools/build-durabletask.sh).")
  String target;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the output, not each step.")
  boolean quiet;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CompileCommand.requireDirectory(source);
    String given = input == null ? null : WorkflowInput.read(input);
    if ("azure".equals(target)) {
      return DurableTaskRun.run(source, workflow, given, stateDir, timeout, quiet, out, err);
    }
    if (!"aws".equals(target)) {
      throw new Main.UsageException("--target is aws or azure, not " + target);
    }
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
            result.lambdaHandlers(),
            home.resolve("build"),
            err);
    WorkflowSpec workflowSpec = result.manifest().workflow(wf.name()).orElseThrow();
    if (given != null) {
      checkInput(wf, workflowSpec, given, classes);
    }
    String name = executionName != null ? executionName : defaultName();
    ResumeHint resume =
        new ResumeHint(
            ResumeHint.currentLauncher(),
            source,
            result.workflows().size() > 1 ? wf.name() : null,
            name,
            ResumeHint.isDefaultStateDir(stateDir) ? null : stateDir,
            output);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(classes);
    StepPrinter steps = new StepPrinter(out, quiet);
    DeploymentManifest manifest = result.manifest();
    Path db = home.resolve("executions.db");
    try (LocalEngine engine = LocalEngine.open(EngineOptions.durable(db).withListener(steps));
        CallbackEndpoints callbacks =
            awaitsCallbacks(manifest)
                ? CallbackEndpoints.open(
                    engine,
                    manifest,
                    classes,
                    home,
                    callbackPort,
                    hasUnfinished(engine, result.workflows()),
                    err)
                : null) {
      String callbackUrl = callbacks == null ? "" : callbacks.url().toString();
      if (callbacks != null) {
        steps.answerCallbacksAt(callbacks::answering);
      }
      registerFunctions(engine, manifest, classes);
      for (CompiledWorkflow each : result.workflows()) {
        engine.createStateMachine(each.name(), localDefinition(each, manifest, callbackUrl));
      }
      String arn = LocalEngine.executionArn(wf.name(), name);
      Optional<ExecutionDescription> earlier = engine.describeExecution(arn);
      String inputJson = executionInput(earlier, given, workflowSpec, db, resume);
      if (!quiet) {
        out.printf(
            "statecraft: running '%s' on the embedded engine (execution '%s', state in %s)%n",
            wf.name(), name, db);
        unsetEnvironment(manifest, out);
      }
      engine.resumeUnfinished();
      try {
        engine.startExecution(wf.name(), name, inputJson);
      } catch (ExecutionAlreadyExistsException e) {
        throw otherInput(name, resume);
      }
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
                    "%nstatecraft: stopped (nothing is lost); to resume: %s%n", resume.command());
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
          "statecraft: still running after %s (nothing is lost); to go on waiting: %s%n",
          timeout, resume.command());
      return Main.STILL_RUNNING;
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

  /**
   * The input to start the execution with, or to resume it with: a stored execution has its own,
   * which {@code --input} may repeat but not change; a new one gets {@code --input}.
   */
  private String executionInput(
      Optional<ExecutionDescription> stored,
      String given,
      WorkflowSpec workflowSpec,
      Path db,
      ResumeHint resume) {
    if (stored.isPresent()) {
      String storedInput = stored.get().inputJson();
      if (given != null && !sameJson(given, storedInput)) {
        throw otherInput(resume.executionName(), resume);
      }
      // The stored input itself, so that the engine finds it equal however --input spelled it.
      return storedInput;
    }
    if (given == null && executionName != null && workflowSpec.input().isPresent()) {
      throw new Main.UserError(
          Main.CANNOT_RESUME,
          String.format(
              "no execution '%s' of '%s' in %s to resume; to start it, add --input FILE_OR_JSON"
                  + " (or, if it ran with another --state-dir, give that one)",
              executionName, workflowSpec.name(), db));
    }
    if (given == null && workflowSpec.input().isPresent()) {
      throw new Main.UsageException(
          String.format(
              "workflow '%s' takes an input (%s): add --input FILE_OR_JSON, a JSON file or JSON"
                  + " text (--input null runs it with null)",
              workflowSpec.name(), workflowSpec.inputType()));
    }
    return given == null ? "null" : given;
  }

  private static Main.UserError otherInput(String name, ResumeHint resume) {
    return new Main.UserError(
        Main.CANNOT_RESUME,
        String.format(
            "execution '%s' exists with another input; to resume it, leave out --input: %s"
                + " (to run this input, give it another --execution-name)",
            name, resume.command()));
  }

  /** Equal JSON, numbers compared by value ({@code 1} and {@code 1.0} are equal). */
  private static boolean sameJson(String a, String b) {
    try {
      return JSON.readTree(a)
          .equals(
              (x, y) ->
                  x.equals(y)
                          || (x.isNumber()
                              && y.isNumber()
                              && x.decimalValue().compareTo(y.decimalValue()) == 0)
                      ? 0
                      : 1,
              JSON.readTree(b));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** Whether the state folder holds executions that resume when the engine does. */
  private static boolean hasUnfinished(LocalEngine engine, List<CompiledWorkflow> workflows) {
    return workflows.stream()
        .flatMap(w -> engine.listExecutions(w.name()).stream())
        .anyMatch(e -> e.status() == ExecutionStatus.RUNNING);
  }

  private int report(ExecutionResult r, PrintWriter out, PrintWriter err) throws IOException {
    if (r.status() != ExecutionStatus.SUCCEEDED) {
      if (!quiet) {
        out.printf("statecraft: %s after %d state transitions%n", r.status(), r.stateTransitions());
      }
      err.printf(
          "statecraft: execution %s: %s: %s%n",
          r.status().name().toLowerCase(java.util.Locale.ROOT), r.error(), r.cause());
      ObjectNode failure = JSON.createObjectNode();
      failure.put("status", r.status().name());
      failure.put("error", r.error());
      failure.put("cause", r.cause());
      writeOutput(PRETTY.writeValueAsString(failure));
      return Main.FAILED;
    }
    String pretty =
        PRETTY.writeValueAsString(JSON.readTree(r.outputJson() == null ? "null" : r.outputJson()));
    if (!quiet) {
      out.printf(
          "statecraft: SUCCEEDED after %d state transitions; output:%n", r.stateTransitions());
    }
    out.println(pretty);
    writeOutput(pretty);
    return Main.OK;
  }

  /** Writes {@code --output}, when given. */
  private void writeOutput(String json) throws IOException {
    if (output != null) {
      if (output.toAbsolutePath().getParent() != null) {
        Files.createDirectories(output.toAbsolutePath().getParent());
      }
      Files.writeString(output, json + "\n", StandardCharsets.UTF_8);
    }
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
                    "error: ["
                        + DiagnosticCode.UNKNOWN_WORKFLOW
                        + "] no workflow named '"
                        + workflow
                        + "'\n  hint: the project's workflows: "
                        + String.join(", ", names)
                        + "; choose one with --workflow "
                        + names.get(0)));
  }

  /**
   * Checks the input against the workflow parameter's type as a webhook's body is checked, so a
   * malformed input fails before running.
   */
  private static void checkInput(
      CompiledWorkflow wf, WorkflowSpec spec, String inputJson, ClassLoader classes) {
    if (spec.input().isEmpty() || inputJson.equals("null")) {
      return;
    }
    Optional<String> problem = WorkflowInput.misfit(spec.inputType(), inputJson, classes);
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

  private static String defaultName() {
    return "run-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }
}
