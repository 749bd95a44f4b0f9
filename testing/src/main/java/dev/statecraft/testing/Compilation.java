package dev.statecraft.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.compiler.diagnostic.SourceFile;
import dev.statecraft.compiler.ir.ActivityMethod;
import dev.statecraft.manifest.Substitution;
import dev.statecraft.manifest.WorkflowSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workflows of a source folder compiled for AWS, with their ASL made runnable on the embedded
 * engine. Compilations are shared by content: environments over unchanged sources compile once.
 */
final class Compilation {
  static final String START_CHILD = "arn:aws:states:::states:startExecution.waitForTaskToken";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
  private static final List<String> CHILD_RESOURCES =
      List.of(
          "arn:aws:states:::states:startExecution.sync:2",
          "arn:aws:states:::states:startExecution.sync");
  private static final Map<String, Compilation> CACHE = new ConcurrentHashMap<>();

  private final Path sourceDir;
  private final CompilationResult result;

  private Compilation(Path sourceDir, CompilationResult result) {
    this.sourceDir = sourceDir;
    this.result = result;
  }

  /** The compilation of the {@code .java} files under {@code sourceDir}, as they are now. */
  static Compilation of(Path sourceDir) {
    if (!Files.isDirectory(sourceDir)) {
      throw new IllegalStateException(
          "no workflow sources at "
              + sourceDir.toAbsolutePath()
              + ": set WorkflowTestEnvironment.builder().sourceDir(...)");
    }
    List<SourceFile> files = StatecraftCompiler.read(sourceDir);
    return CACHE.computeIfAbsent(
        digest(sourceDir, files),
        k -> new Compilation(sourceDir, StatecraftCompiler.compile(files, Set.of(Target.AWS))));
  }

  boolean succeeded() {
    return result.succeeded();
  }

  /** Every compiled workflow; fails with the diagnostics when the sources do not compile. */
  List<CompiledWorkflow> workflows() {
    if (!result.succeeded()) {
      throw new IllegalStateException(
          "the workflows in " + sourceDir + " do not compile:\n" + result.formattedDiagnostics());
    }
    return result.workflows();
  }

  CompiledWorkflow workflow(Class<?> workflowClass) {
    String name = workflowClass.getCanonicalName();
    for (CompiledWorkflow w : workflows()) {
      if (w.ir().className().equals(name)) {
        return w;
      }
    }
    throw new IllegalArgumentException(
        name
            + " is not among the workflows compiled from "
            + sourceDir
            + ": "
            + workflows().stream().map(w -> w.ir().className()).toList());
  }

  /** The activity behind the function key {@code Interface_method}, if some workflow calls it. */
  Optional<ActivityMethod> activity(String functionKey) {
    for (CompiledWorkflow w : workflows()) {
      for (ActivityMethod a : w.ir().activities()) {
        if (a.functionKey().equals(functionKey)) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }

  /** The parameter names of activity {@code owner.name}, when the sources compile and call it. */
  Optional<List<String>> parameterNames(String owner, String name) {
    if (!result.succeeded()) {
      return Optional.empty();
    }
    for (CompiledWorkflow w : result.workflows()) {
      for (ActivityMethod a : w.ir().activities()) {
        if (a.owner().equals(owner) && a.name().equals(name)) {
          return Optional.of(a.parameters().stream().map(ActivityMethod.Parameter::name).toList());
        }
      }
    }
    return Optional.empty();
  }

  /** Every workflow's definition by state machine name, ready for the engine. */
  Map<String, String> definitions(String callbackUrl) {
    Map<String, String> definitions = new HashMap<>();
    for (CompiledWorkflow w : workflows()) {
      WorkflowSpec spec = result.manifest().workflow(w.name()).orElseThrow();
      definitions.put(
          w.name(), withChildTasks(spec.substitute(w.stateMachine(), s -> value(s, callbackUrl))));
    }
    return definitions;
  }

  /**
   * A hand-written definition made runnable as the compiled ones are: the placeholders the
   * project's workflows use substituted, and child workflow tasks turned into callback tasks.
   */
  String runnable(String asl, String callbackUrl) {
    Map<String, String> substitutions = new HashMap<>();
    for (WorkflowSpec w : result.manifest().workflows()) {
      w.substitutions().forEach(s -> substitutions.put(s.key(), value(s, callbackUrl)));
    }
    Matcher m = PLACEHOLDER.matcher(asl);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      m.appendReplacement(out, Matcher.quoteReplacement(substitutions.getOrDefault(key, key)));
    }
    m.appendTail(out);
    return withChildTasks(out.toString());
  }

  /**
   * What a placeholder stands for here: a function is registered under its key (as the CLI
   * registers it), a workflow's state machine by its ARN.
   */
  private static String value(Substitution s, String callbackUrl) {
    return switch (s.kind()) {
      case FUNCTION -> s.target();
      case STATE_MACHINE -> EngineNames.stateMachineArn(s.target());
      case CALLBACK_URL -> callbackUrl;
    };
  }

  /**
   * {@code asl} with child workflow tasks turned into callback tasks that the harness completes
   * when the child finishes, so that the parent task does not hold the engine busy meanwhile.
   */
  private static String withChildTasks(String asl) {
    try {
      JsonNode root = ActivityJson.mapper().readTree(asl);
      rewriteChildTasks(root);
      return ActivityJson.mapper().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the definition is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void rewriteChildTasks(JsonNode node) {
    if (node.isObject()) {
      JsonNode resource = node.get("Resource");
      if (resource != null && CHILD_RESOURCES.contains(resource.asText())) {
        ((ObjectNode) node).put("Resource", START_CHILD);
      }
    }
    node.forEach(Compilation::rewriteChildTasks);
  }

  private static String digest(Path dir, List<SourceFile> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(dir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
      for (SourceFile f : files) {
        sha.update((byte) 0);
        sha.update(f.displayPath().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(f.text().getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
