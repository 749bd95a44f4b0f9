package dev.statecraft.cli;

import dev.statecraft.compiler.Artifact;
import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.packaging.LambdaPackage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code statecraft synth}: the project's AWS deployment, offline: compiles its workflows, builds
 * the Lambda package (the project's classes, the generated handlers, the manifest and the runtime
 * libraries), and synthesizes the CDK app into a cloud assembly ({@code OUT/*.template.json} and
 * the assets) that {@code cdk deploy --app OUT} or {@code statecraft deploy} deploys. No AWS
 * account and no Docker engine are needed.
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description =
        "Write the AWS CloudFormation template(s) and assets of the workflows in --source,"
            + " offline.")
final class SynthCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DeploymentOptions options;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Synthesis s = synthesize(options, out, err);
    if (s == null) {
      return Main.USAGE;
    }
    out.printf("statecraft: synthesized into %s:%n", options.out);
    s.templates().forEach(t -> out.printf("  %s%n", t));
    out.printf(
        "statecraft: deploy with  ./statecraft deploy --source %s  (or  cdk deploy --app %s)%n",
        options.source, options.out);
    return Main.OK;
  }

  /** What a synthesis wrote: the templates and the Lambda package. */
  record Synthesis(List<Path> templates, Path lambdaPackage, DeploymentManifest manifest) {}

  /**
   * Compiles, packages and synthesizes; {@code null} (diagnostics printed) when the project does
   * not compile.
   */
  static Synthesis synthesize(DeploymentOptions options, PrintWriter out, PrintWriter err)
      throws IOException, InterruptedException {
    CompileCommand.requireDirectory(options.source);
    CompilationResult result = StatecraftCompiler.compile(options.source, EnumSet.of(Target.AWS));
    err.print(result.formattedDiagnostics());
    if (!result.succeeded()) {
      err.println("statecraft: compilation failed");
      return null;
    }
    StatecraftHome home = StatecraftHome.locate();
    List<Path> libraries = home.lambdaLibraries();
    String cdk = home.cdkClasspath();
    Path work = options.out.resolve("statecraft");
    for (Artifact a : result.artifacts()) {
      Path file = work.resolve(a.path());
      Files.createDirectories(file.getParent());
      Files.writeString(file, a.content(), StandardCharsets.UTF_8);
    }
    Path build = work.resolve("build");
    try (URLClassLoader ignored =
        ProjectClasses.compile(
            StatecraftCompiler.sourceFiles(options.source), result.lambdaHandlers(), build, err)) {
      // Compiled into build/classes: the package takes the class files from there.
    }
    Path zip =
        LambdaPackage.builder()
            .classes(build.resolve("classes"))
            .libraries(libraries)
            .manifest(result.manifest())
            .build()
            .writeTo(work.resolve("lambda.zip"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", cdk, "dev.statecraft.cdk.StatecraftCdkApp"));
    command.addAll(
        List.of(
            "--manifest",
            work.resolve(DeploymentManifest.FILE_NAME).toString(),
            "--jar",
            zip.toString(),
            "--out",
            options.out.toString()));
    if (options.stackName != null) {
      command.addAll(List.of("--stack-name", options.stackName));
    }
    for (Map.Entry<String, String> e : options.env.entrySet()) {
      command.addAll(List.of("--env", e.getKey() + "=" + e.getValue()));
    }
    int code = run(command, out, err);
    if (code != 0) {
      throw new Main.UsageException("the CDK app failed (exit " + code + "); see above");
    }
    return new Synthesis(templates(options.out), zip, result.manifest());
  }

  private static int run(List<String> command, PrintWriter out, PrintWriter err)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    Thread errors = copy(p.getErrorStream(), err);
    Thread output = copy(p.getInputStream(), out);
    int code = p.waitFor();
    errors.join();
    output.join();
    return code;
  }

  private static Thread copy(InputStream from, PrintWriter to) {
    Thread t =
        new Thread(
            () -> {
              try {
                String text = new String(from.readAllBytes(), StandardCharsets.UTF_8);
                synchronized (to) {
                  to.print(text);
                  to.flush();
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "statecraft-cdk-output");
    t.start();
    return t;
  }

  private static List<Path> templates(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".template.json")).sorted().toList();
    }
  }
}
