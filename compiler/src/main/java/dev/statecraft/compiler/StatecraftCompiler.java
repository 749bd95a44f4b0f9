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
import dev.statecraft.compiler.passes.CheckExpressWorkflow;
import dev.statecraft.compiler.passes.CheckUncatchableErrors;
import dev.statecraft.compiler.passes.CheckWebhookRoutes;
import dev.statecraft.compiler.passes.HoistActivityCalls;
import dev.statecraft.compiler.passes.LowerForEach;
import dev.statecraft.compiler.passes.VerifyIr;
import dev.statecraft.manifest.DeploymentManifest;
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
  private static final String STATE_MACHINE_FILE = "statemachine.asl.json";
  private static final String WORKFLOW_FILE = "workflow.yaml";

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
      CheckUncatchableErrors.run(wf, diagnostics);
      CheckExpressWorkflow.run(wf, diagnostics);
    }
    CheckWebhookRoutes.run(workflows, diagnostics);
    if (workflows.isEmpty() && !diagnostics.hasErrors()) {
      SourceFile where = files.isEmpty() ? new SourceFile("(no sources)", "") : files.get(0);
      diagnostics.error(
          DiagnosticCode.NO_WORKFLOW,
          new SourcePosition(where, 1, 1),
          "no @Workflow class was found in " + files.size() + " source file(s)",
          "annotate the workflow class with @dev.statecraft.api.Workflow");
    }
    if (diagnostics.hasErrors()) {
      return CompilationResult.failed(diagnostics.sorted());
    }
    List<CompiledWorkflow> compiled = new ArrayList<>();
    List<ManifestWriter.Entry> entries = new ArrayList<>();
    for (WorkflowIr wf : workflows) {
      // Azure's orchestrators are Java and keep for-each; the state machines iterate by index.
      WorkflowIr hoisted = VerifyIr.run(HoistActivityCalls.run(wf));
      WorkflowIr indexed = VerifyIr.run(LowerForEach.run(hoisted));
      AslEmitter.Definition asl = AslEmitter.compile(indexed);
      CompiledWorkflow emitted = emit(hoisted, indexed, asl, targets, diagnostics);
      compiled.add(emitted);
      entries.add(new ManifestWriter.Entry(hoisted, asl, definitions(emitted)));
    }
    DeploymentManifest manifest =
        ManifestWriter.write(entries, targets.contains(Target.AWS), diagnostics);
    if (diagnostics.hasErrors()) {
      return CompilationResult.failed(diagnostics.sorted());
    }
    return new CompilationResult(diagnostics.sorted(), compiled, manifest);
  }

  private static CompiledWorkflow emit(
      WorkflowIr wf,
      WorkflowIr indexed,
      AslEmitter.Definition asl,
      Set<Target> targets,
      Diagnostics diagnostics) {
    List<Artifact> artifacts = new ArrayList<>();
    String base = wf.name() + "/";
    if (targets.contains(Target.AWS)) {
      artifacts.add(new Artifact("aws/" + base + STATE_MACHINE_FILE, asl.json()));
      for (ActivityMethod a : wf.activities()) {
        artifacts.add(
            java("aws/" + base + "handlers/", LambdaHandlerEmitter.emit(a, implementation(wf, a))));
      }
    }
    if (targets.contains(Target.GCP)) {
      artifacts.add(
          new Artifact(
              "gcp/" + base + WORKFLOW_FILE, CloudWorkflowsEmitter.emit(indexed, diagnostics)));
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
    return new CompiledWorkflow(wf, asl.json(), artifacts);
  }

  /** Where each target's definition of the workflow is, for the manifest. */
  private static Map<String, String> definitions(CompiledWorkflow wf) {
    Map<String, String> definitions = new LinkedHashMap<>();
    for (Artifact a : wf.artifacts()) {
      String target = a.path().substring(0, a.path().indexOf('/'));
      boolean definition =
          a.path().endsWith("/" + STATE_MACHINE_FILE)
              || a.path().endsWith("/" + WORKFLOW_FILE)
              || target.equals("azure");
      if (definition) {
        definitions.putIfAbsent(target, a.path());
      }
    }
    return definitions;
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

  /**
   * The {@code src/main/resources} folders beside the {@code src/main/java} the source files are in
   * (such as the project's {@code statecraft-llm.json}), which belong on the classpath of anything
   * that runs the project's activities, as they are in its jar.
   */
  public static List<Path> resourceDirs(List<Path> sourceFiles) {
    return sourceFiles.stream()
        .map(Path::toAbsolutePath)
        .map(StatecraftCompiler::mainJavaRoot)
        .flatMap(java.util.Optional::stream)
        .map(root -> root.resolveSibling("resources"))
        .distinct()
        .filter(Files::isDirectory)
        .toList();
  }

  private static java.util.Optional<Path> mainJavaRoot(Path file) {
    for (Path p = file.getParent(); p != null && p.getParent() != null; p = p.getParent()) {
      if (p.endsWith(Path.of("src", "main", "java"))) {
        return java.util.Optional.of(p);
      }
    }
    return java.util.Optional.empty();
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
