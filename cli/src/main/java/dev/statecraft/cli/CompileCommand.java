package dev.statecraft.cli;

import dev.statecraft.compiler.Artifact;
import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code statecraft compile}: writes every artifact of every workflow under the source folder. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = "Compile every @Workflow under --source into cloud artifacts.")
final class CompileCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "DIR",
      description = "Folder of Java sources (searched recursively).")
  Path source;

  @Option(
      names = "--target",
      defaultValue = "all",
      paramLabel = "aws|gcp|azure|all",
      description = "Which cloud to emit for (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(
      names = "--out",
      defaultValue = "statecraft-out",
      paramLabel = "DIR",
      description = "Where to write the artifacts (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Set<Target> targets = targets(target);
    requireDirectory(source);
    CompilationResult result = StatecraftCompiler.compile(source, targets);
    stderr.print(result.formattedDiagnostics());
    if (!result.succeeded()) {
      stderr.println("statecraft: compilation failed");
      return Main.USAGE;
    }
    javacAccepts(result, stderr);
    Map<String, Integer> perTarget = new TreeMap<>();
    for (Artifact a : result.artifacts()) {
      Path file = out.resolve(a.path());
      Files.createDirectories(file.getParent());
      Files.writeString(file, a.content(), StandardCharsets.UTF_8);
      perTarget.merge(
          a.path().contains("/") ? a.path().substring(0, a.path().indexOf('/')) : "manifest",
          1,
          Integer::sum);
    }
    stdout.printf(
        "statecraft: compiled %d workflow(s) (%s) into %s: %s%n",
        result.workflows().size(),
        String.join(", ", result.workflows().stream().map(w -> w.name()).toList()),
        out,
        perTarget);
    return Main.OK;
  }

  /**
   * Statecraft compiles only what Java compiles: the project's sources (with the generated Lambda
   * handlers, when AWS is a target) go through javac too, and its errors are diagnostics ({@code
   * JAVA_COMPILE}) at their line and column, instead of a surprise at {@code run}.
   */
  private void javacAccepts(CompilationResult result, PrintWriter stderr) throws IOException {
    Path work = Files.createTempDirectory("statecraft-javac-");
    try {
      ProjectClasses.compile(
              StatecraftCompiler.sourceFiles(source), result.lambdaHandlers(), work, stderr)
          .close();
    } finally {
      ProjectClasses.clean(work);
    }
  }

  static Set<Target> targets(String value) {
    return switch (value) {
      case "all" -> EnumSet.allOf(Target.class);
      case "aws" -> EnumSet.of(Target.AWS);
      case "gcp" -> EnumSet.of(Target.GCP);
      case "azure" -> EnumSet.of(Target.AZURE);
      default ->
          throw new Main.UsageException(
              "--target must be aws, gcp, azure or all, not '" + value + "'");
    };
  }

  static void requireDirectory(Path source) {
    if (!Files.isDirectory(source)) {
      throw new Main.UsageException("--source " + source + " is not a folder");
    }
  }
}
