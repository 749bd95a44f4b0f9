package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statecraft.api.spi.SecretStore;
import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.server.StepFunctionsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/**
 * An example project compiled and deployed on a local Step Functions endpoint as {@code serve}
 * deploys it: its handlers registered, a state machine per workflow, its webhooks and callbacks
 * served with the given signing secrets.
 *
 * @param manifest the example's deployment manifest
 * @param classes its classes and generated handlers
 * @param server the endpoint, started
 */
record ServedExample(
    DeploymentManifest manifest, URLClassLoader classes, StepFunctionsServer server)
    implements AutoCloseable {

  /**
   * Serves {@code example}, keeping state under {@code dir}.
   *
   * @param callbackUrl the base of callback URLs; {@code null} for the server's own
   * @param secrets the webhooks' signing secrets by name
   */
  static ServedExample serve(
      Path example, Path dir, String callbackUrl, Map<String, String> secrets) {
    CompilationResult result = StatecraftCompiler.compile(example, EnumSet.of(Target.AWS));
    assertTrue(result.succeeded(), result::formattedDiagnostics);
    URLClassLoader classes =
        ProjectClasses.compile(
            StatecraftCompiler.sourceFiles(example),
            result.lambdaHandlers(),
            dir.resolve("build"),
            new PrintWriter(new StringWriter()));
    StepFunctionsServer server =
        StepFunctionsServer.open(
            StepFunctionsServer.Options.defaults().withPort(0).withStateDir(dir.resolve("sfn")));
    RunCommand.registerFunctions(server.engine(), result.manifest(), classes);
    String callbacks = callbackUrl != null ? callbackUrl : server.callbackUrl().toString();
    for (CompiledWorkflow wf : result.workflows()) {
      server
          .engine()
          .createStateMachine(
              wf.name(), RunCommand.localDefinition(wf, result.manifest(), callbacks));
    }
    server.serveProject(result.manifest(), classes, store(secrets)).start();
    return new ServedExample(result.manifest(), classes, server);
  }

  /** A secret store holding {@code values}. */
  static SecretStore store(Map<String, String> values) {
    return new SecretStore() {
      @Override
      public Optional<String> find(String name) {
        return Optional.ofNullable(values.get(name));
      }

      @Override
      public String whereToSet(String name) {
        return "the test's secrets";
      }
    };
  }

  @Override
  public void close() throws IOException {
    server.close();
    classes.close();
  }
}
