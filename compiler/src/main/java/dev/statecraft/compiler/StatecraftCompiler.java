package dev.statecraft.compiler;

import com.palantir.javapoet.JavaFile;
import dev.statecraft.compiler.aws.AslEmitter;
import dev.statecraft.compiler.aws.LambdaHandlerEmitter;
import dev.statecraft.compiler.azure.DurableFunctionsEmitter;
import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import dev.statecraft.compiler.diagnostic.SourceFile;
import dev.statecraft.compiler.diagnostic.SourcePosition;
import dev.statecraft.compiler.frontend.JavaFrontEnd;
import dev.statecraft.compiler.gcp.CloudRunFunctionEmitter;
import dev.statecraft.compiler.gcp.CloudWorkflowsEmitter;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.compiler.ir.WorkflowIr;
import dev.statecraft.compiler.passes.CheckCollectionAliasing;
import dev.statecraft.compiler.passes.CheckControlFlow;
import dev.statecraft.compiler.passes.CheckDefiniteAssignment;
import dev.statecraft.compiler.passes.HoistActivityCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compiles annotated Java workflows for the clouds. Diagnostics are collected, never thrown: a
 * compilation with errors returns them all and no artifacts.
 *
 * <pre>{@code
 * CompilationResult result = StatecraftCompiler.compile(Path.of("src/main/java"), Set.of(Target.AWS));
 * if (!result.succeeded()) {
 *   System.err.print(result.formattedDiagnostics());
 * }
 * }</pre>
 */
public final class StatecraftCompiler {
  private StatecraftCompiler() {}

  /** Compiles every {@code .java} file under {@code sourceDir}, in path order. */
  public static CompilationResult compile(Path sourceDir, Set<Target> targets) {
    return compile(read(sourceDir), targets);
  }

  /** Compiles the given sources. */
  public static CompilationResult compile(List<SourceFile> files, Set<Target> targets) {
    Diagnostics diagnostics = new Diagnostics();
    List<WorkflowIr> workflows = JavaFrontEnd.translate(files, diagnostics);
    for (WorkflowIr wf : workflows) {
      CheckControlFlow.run(wf, diagnostics);
      CheckDefiniteAssignment.run(wf, diagnostics);
      CheckCollectionAliasing.run(wf, diagnostics);
    }
    if (workflows.isEmpty() && !diagnostics.hasErrors()) {
      SourceFile where = files.isEmpty() ? new SourceFile("(no sources)", "") : files.get(0);
      diagnostics.error(
          DiagnosticCode.NO_WORKFLOW,
          new SourcePosition(where, 1, 1),
          "no @Workflow class was found in " + files.size() + " source file(s)",
          "annotate the workflow class with @dev.statecraft.api.Workflow");
    }
    if (diagnostics.hasErrors()) {
      return new CompilationResult(diagnostics.sorted(), List.of());
    }
    List<CompiledWorkflow> compiled = new ArrayList<>();
    for (WorkflowIr wf : workflows) {
      compiled.add(emit(HoistActivityCalls.run(wf), targets, diagnostics));
    }
    if (diagnostics.hasErrors()) {
      return new CompilationResult(diagnostics.sorted(), List.of());
    }
    return new CompilationResult(diagnostics.sorted(), compiled);
  }

  private static CompiledWorkflow emit(
      WorkflowIr wf, Set<Target> targets, Diagnostics diagnostics) {
    List<Artifact> artifacts = new ArrayList<>();
    String asl = AslEmitter.emit(wf);
    Map<String, String> handlers = new LinkedHashMap<>();
    for (ActivityMethod a : wf.activities()) {
      handlers.put(a.functionKey(), LambdaHandlerEmitter.handlerClass(a));
    }
    String base = wf.name() + "/";
    if (targets.contains(Target.AWS)) {
      artifacts.add(new Artifact("aws/" + base + "statemachine.asl.json", asl));
      for (ActivityMethod a : wf.activities()) {
        artifacts.add(
            java("aws/" + base + "handlers/", LambdaHandlerEmitter.emit(a, implementation(wf, a))));
      }
    }
    if (targets.contains(Target.GCP)) {
      artifacts.add(
          new Artifact(
              "gcp/" + base + "workflow.yaml", CloudWorkflowsEmitter.emit(wf, diagnostics)));
      for (ActivityMethod a : wf.activities()) {
        artifacts.add(
            java(
                "gcp/" + base + "functions/",
                CloudRunFunctionEmitter.emit(a, implementation(wf, a))));
      }
    }
    if (targets.contains(Target.AZURE)) {
      artifacts.add(java("azure/" + base, DurableFunctionsEmitter.emit(wf)));
    }
    return new CompiledWorkflow(wf, asl, handlers, artifacts);
  }

  private static String implementation(WorkflowIr wf, ActivityMethod a) {
    String impl = wf.implementations().get(a.owner());
    if (impl == null) {
      throw new IllegalStateException("no implementation recorded for " + a.owner());
    }
    return impl;
  }

  private static Artifact java(String folder, JavaFile file) {
    String path = file.packageName().isEmpty() ? "" : file.packageName().replace('.', '/') + "/";
    return new Artifact(folder + path + file.typeSpec().name() + ".java", file.toString());
  }

  /**
   * The Java files of the project in {@code dir}, sorted: those under {@code src/main/java} when
   * the folder has the Maven or Gradle layout, else every {@code .java} file below it, skipping
   * build output ({@code target}, {@code build}) and hidden folders.
   */
  public static List<Path> sourceFiles(Path dir) {
    Path root =
        Files.isDirectory(dir.resolve("src/main/java")) ? dir.resolve("src/main/java") : dir;
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .filter(p -> !skipped(root.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sources under " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part :
        relative.getParent() == null ? List.<Path>of() : List.of(relative.getParent())) {
      for (Path name : part) {
        String n = name.toString();
        if (n.equals("target") || n.equals("build") || n.startsWith(".")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Reads the project's Java files ({@link #sourceFiles}), named as the user gave them. */
  public static List<SourceFile> read(Path dir) {
    List<SourceFile> files = new ArrayList<>();
    for (Path p : sourceFiles(dir)) {
      try {
        files.add(new SourceFile(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
      }
    }
    return files;
  }
}
