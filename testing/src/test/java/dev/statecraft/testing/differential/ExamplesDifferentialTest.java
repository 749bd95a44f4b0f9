package dev.statecraft.testing.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.api.CallbackTimeout;
import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.testing.CallbackResponder;
import dev.statecraft.testing.DirectResult;
import dev.statecraft.testing.EngineResult;
import dev.statecraft.testing.WorkflowTestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example and every golden case of the compiler runs as plain Java and as its compiled Step
 * Functions definition on the engine, on each of its recorded inputs, and both must agree on
 * output, failure and activity calls (see {@link Comparison}).
 *
 * <p>An example's inputs are the JSON files in its folder (an example has one workflow); a golden
 * case's are the files in its {@code inputs/} folder named {@code <workflow-name>[.<label>].json}.
 * A workflow that waits for callbacks gets its answers, in order, from {@code callbacks/<same file
 * name>} (a JSON array; the string {@code "TIMEOUT"} lets the wait time out). Each project runs
 * against the implementation classes it ships.
 */
class ExamplesDifferentialTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("../examples");
  private static final Path GOLDEN = Path.of("../compiler/src/test/golden");

  @TempDir Path classes;

  @TestFactory
  Stream<DynamicTest> everyRecordedInputBehavesTheSameCompiledAndAsJava() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path example : folders(EXAMPLES)) {
      Path sources = example.resolve("src/main/java");
      if (Files.isDirectory(sources)) {
        tests.addAll(
            project(
                "examples/" + example.getFileName(),
                sources,
                example,
                example.resolve("callbacks"),
                true));
      }
    }
    for (Path golden : folders(GOLDEN)) {
      if (Files.isDirectory(golden.resolve("inputs"))) {
        tests.addAll(
            project(
                "golden/" + golden.getFileName(),
                golden.resolve("src"),
                golden.resolve("inputs"),
                golden.resolve("callbacks"),
                false));
      }
    }
    assertTrue(tests.size() >= 20, "expected inputs for every example and golden case");
    return tests.stream();
  }

  private List<DynamicTest> project(
      String label, Path sources, Path inputs, Path callbacks, boolean example) throws IOException {
    CompilationResult compiled = StatecraftCompiler.compile(sources, Set.of(Target.AWS));
    assertTrue(compiled.succeeded(), compiled::formattedDiagnostics);
    List<DynamicTest> tests = new ArrayList<>();
    if (example) {
      assertEquals(1, compiled.workflows().size(), label + " should hold one workflow");
    }
    for (CompiledWorkflow workflow : compiled.workflows()) {
      List<Path> files = inputsOf(inputs, example ? "" : workflow.name());
      assertFalse(files.isEmpty(), () -> label + ": no input for workflow " + workflow.name());
      for (Path file : files) {
        tests.add(
            DynamicTest.dynamicTest(
                label + " " + file.getFileName(),
                () ->
                    compare(
                        label,
                        sources,
                        compiled,
                        workflow,
                        file,
                        callbacks.resolve(file.getFileName()))));
      }
    }
    return tests;
  }

  private void compare(
      String label,
      Path sources,
      CompilationResult compiled,
      CompiledWorkflow workflow,
      Path inputFile,
      Path callbacks)
      throws Exception {
    JsonNode input = JSON.readTree(inputFile.toFile());
    boolean concurrent = usesConcurrency(JSON.readTree(workflow.stateMachine()));
    Path out = Files.createTempDirectory(classes, "classes");
    try (GeneratedProject project = GeneratedProject.compile(sources, out);
        WorkflowTestEnvironment env =
            WorkflowTestEnvironment.builder().sourceDir(project.sources()).build()) {
      Class<?> workflowClass = project.load(workflow.ir().className());
      register(env, project, compiled);
      answer(env, callbacks);
      DirectResult<Object> java = env.runDirect(workflowClass, input);
      register(env, project, compiled);
      answer(env, callbacks);
      EngineResult<Object> engine = env.run(workflowClass, input);
      List<String> differences = Comparison.differences(java, engine, concurrent);
      assertEquals(List.of(), differences, label + " on " + inputFile);
    }
  }

  /** Fresh implementations of every activities interface the project's workflows use. */
  @SuppressWarnings("unchecked")
  private static void register(
      WorkflowTestEnvironment env, GeneratedProject project, CompilationResult compiled) {
    for (CompiledWorkflow workflow : compiled.workflows()) {
      for (Map.Entry<String, String> e : workflow.ir().implementations().entrySet()) {
        env.registerActivities(
            (Class<Object>) project.load(e.getKey()), project.create(e.getValue()));
      }
    }
  }

  private static void answer(WorkflowTestEnvironment env, Path callbacks) throws IOException {
    if (Files.exists(callbacks)) {
      List<Object> answers = new ArrayList<>();
      for (JsonNode answer : JSON.readTree(callbacks.toFile())) {
        boolean timeout = answer.isTextual() && answer.asText().equals("TIMEOUT");
        answers.add(timeout ? new CallbackTimeout("nobody answered") : answer);
      }
      env.onCallback(CallbackResponder.inOrder(answers.toArray()));
    }
  }

  private static boolean usesConcurrency(JsonNode node) {
    String type = node.path("Type").asText();
    if (type.equals("Map") || type.equals("Parallel")) {
      return true;
    }
    for (JsonNode child : node) {
      if (child.isContainerNode() && usesConcurrency(child)) {
        return true;
      }
    }
    return false;
  }

  /** The JSON files in {@code folder} for {@code workflow}, or all of them when it is empty. */
  private static List<Path> inputsOf(Path folder, String workflow) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(
              p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".json")
                    && (workflow.isEmpty()
                        || n.equals(workflow + ".json")
                        || n.startsWith(workflow + "."));
              })
          .sorted()
          .toList();
    }
  }

  private static List<Path> folders(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }
}
