package dev.statecraft.cli;

import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.local.DatabaseInUseException;
import dev.statecraft.local.LocalEngine;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.server.StepFunctionsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code statecraft serve}: the AWS Step Functions API on a local port, backed by the embedded
 * engine, until interrupted. With {@code --source} it first compiles the project as {@code run}
 * does, serves its activities as Lambda functions and creates a state machine per workflow, whose
 * callback URL is this server's {@code /callbacks}.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the AWS Step Functions API locally (for the AWS SDKs and CLI), backed by the"
          + " embedded engine.",
      "Point a client at it with --endpoint-url http://localhost:8083 (any credentials)."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8083",
      paramLabel = "N",
      description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "localhost",
      paramLabel = "HOST",
      description = "The interface to listen on; 0.0.0.0 for all (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--state-dir",
      defaultValue = ".statecraft/server",
      paramLabel = "DIR",
      description = "Where state machines and executions are stored (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(
      names = "--source",
      paramLabel = "DIR",
      description =
          "A Statecraft project to compile: its activities become Lambda functions and each"
              + " workflow a state machine.")
  Path source;

  @Option(
      names = "--lambda",
      paramLabel = "NAME=URL",
      description =
          "Serve the Lambda function NAME by POSTing each payload to URL, which answers as the"
              + " Lambda Invoke API does: the body is the result, or with an X-Amz-Function-Error"
              + " header the error payload. Repeatable.")
  Map<String, URI> lambdas = new LinkedHashMap<>();

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Project project = source == null ? null : compile(err);
    if (source != null && project == null) {
      return Main.USAGE;
    }
    StepFunctionsServer.Options options =
        new StepFunctionsServer.Options(host, port, stateDir, lambdas, null);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    if (project != null) {
      // Engine threads inherit it: generated handlers and Jackson find the project's classes.
      Thread.currentThread().setContextClassLoader(project.classes());
    }
    StepFunctionsServer server;
    try {
      server = StepFunctionsServer.open(options);
    } catch (UncheckedIOException | DatabaseInUseException e) {
      throw new Main.UsageException(e.getMessage());
    }
    Thread hook = new Thread(() -> stop(server), "statecraft-serve-shutdown");
    try {
      if (project != null) {
        deploy(project, server, out);
      }
      server.start();
      out.printf(
          "statecraft: serving the Step Functions API at %s (state in %s); callbacks at %s%n",
          server.endpoint(), stateDir, server.callbackUrl());
      out.printf(
          "statecraft: try  aws stepfunctions list-state-machines --endpoint-url %s%n",
          server.endpoint());
      out.flush();
      Runtime.getRuntime().addShutdownHook(hook);
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      removeHook(hook);
      stop(server);
      Thread.currentThread().setContextClassLoader(previous);
      if (project != null) {
        project.classes().close();
      }
    }
    out.println("statecraft: stopped");
    return Main.OK;
  }

  private void stop(StepFunctionsServer server) {
    synchronized (stopped) {
      if (stopped.getCount() > 0) {
        stopped.countDown();
        server.close();
      }
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Shutting down already, or never added.
    }
  }

  /** A compiled project: its workflows, its manifest and a class loader over its classes. */
  private record Project(
      List<CompiledWorkflow> workflows, DeploymentManifest manifest, URLClassLoader classes) {}

  private Project compile(PrintWriter err) {
    CompileCommand.requireDirectory(source);
    CompilationResult result = StatecraftCompiler.compile(source, EnumSet.of(Target.AWS));
    err.print(result.formattedDiagnostics());
    if (!result.succeeded()) {
      err.println("statecraft: compilation failed");
      return null;
    }
    URLClassLoader classes =
        ProjectClasses.compile(
            StatecraftCompiler.sourceFiles(source),
            result.lambdaHandlers(),
            stateDir.resolve("build"),
            err);
    return new Project(result.workflows(), result.manifest(), classes);
  }

  /** Registers the project's handlers and creates (or updates) a state machine per workflow. */
  private static void deploy(Project project, StepFunctionsServer server, PrintWriter out) {
    LocalEngine engine = server.engine();
    String callbackUrl = server.callbackUrl().toString();
    RunCommand.registerFunctions(engine, project.manifest(), project.classes());
    RunCommand.unsetEnvironment(project.manifest(), out);
    server.serveProject(project.manifest(), project.classes());
    for (CompiledWorkflow wf : project.workflows()) {
      engine.createStateMachine(
          wf.name(), RunCommand.localDefinition(wf, project.manifest(), callbackUrl));
      out.printf(
          "statecraft: workflow '%s' is the state machine %s%n",
          wf.name(), LocalEngine.stateMachineArn(wf.name()));
    }
  }
}
