package dev.statecraft.testing.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.api.CallbackTimeout;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.referee.gcp.GcpReferee;
import dev.statecraft.referee.gcp.GcpRun;
import dev.statecraft.testing.CallbackResponder;
import dev.statecraft.testing.DirectResult;
import dev.statecraft.testing.WorkflowTestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example and golden input (as {@link ExamplesDifferentialTest} finds them) runs as plain
 * Java and as its Cloud Workflows definition on the Cloud Workflows emulator ({@link GcpReferee}),
 * with the generated Cloud Run functions, and both must agree on output, failure and activity calls
 * ({@link GcpComparison}). Callback answers come from the same {@code callbacks/} files; {@code
 * "TIMEOUT"} lets the wait time out (the emulator caps waits at 2 s).
 *
 * <p>Needs the emulator ({@code bash tools/build-gcw-emulator.sh}); skipped without it, except in
 * CI ({@code CI=true} or {@code STATECRAFT_REQUIRE_REFEREES=1}), where it fails.
 */
class GcpExamplesDifferentialTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("../examples");
  private static final Path GOLDEN = Path.of("../compiler/src/test/golden");
  private static final List<GcpReferee> OPEN = new ArrayList<>();

  /**
   * Inputs known to differ on Cloud Workflows today, one a line as {@code path | reason} (path
   * relative to the repository); each must still differ, so that the list shrinks as the back end
   * is fixed. {@code #} starts a comment. {@code -Dstatecraft.gcp.ignoreKnown=true} holds every
   * input to agreement, to measure.
   */
  private static final Path KNOWN =
      Path.of("src/test/resources/differential/gcp-known-differences.txt");

  /** {@code -Dstatecraft.gcp.only=TEXT} runs only the inputs whose path contains TEXT. */
  private static final String ONLY = System.getProperty("statecraft.gcp.only", "");

  @TempDir static Path work;

  @TestFactory
  Stream<DynamicNode> everyRecordedInputBehavesTheSameOnCloudWorkflowsAndAsJava()
      throws IOException {
    Path emulator = Referees.gcwEmulator();
    List<DynamicNode> projects = new ArrayList<>();
    int inputs = 0;
    for (Path example : folders(EXAMPLES)) {
      Path sources = example.resolve("src/main/java");
      if (Files.isDirectory(sources)) {
        List<DynamicTest> tests =
            project(emulator, sources, example, example.resolve("callbacks"), true);
        inputs += tests.size();
        projects.add(DynamicContainer.dynamicContainer("examples/" + example.getFileName(), tests));
      }
    }
    for (Path golden : folders(GOLDEN)) {
      if (Files.isDirectory(golden.resolve("inputs"))) {
        List<DynamicTest> tests =
            project(
                emulator,
                golden.resolve("src"),
                golden.resolve("inputs"),
                golden.resolve("callbacks"),
                false);
        inputs += tests.size();
        projects.add(DynamicContainer.dynamicContainer("golden/" + golden.getFileName(), tests));
      }
    }
    assertTrue(
        !ONLY.isEmpty() || inputs >= 40,
        "expected inputs for every example and golden case, found " + inputs);
    return projects.stream();
  }

  @AfterAll
  static void closeReferees() throws Exception {
    for (GcpReferee r : OPEN) {
      r.close();
    }
    OPEN.clear();
  }

  private List<DynamicTest> project(
      Path emulator, Path sources, Path inputs, Path callbacks, boolean example)
      throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    // The referee starts lazily, on the project's first input, and serves all its inputs.
    GcpReferee[] referee = new GcpReferee[1];
    GeneratedProject[] project = new GeneratedProject[1];
    List<CompiledWorkflow> workflows =
        dev.statecraft.compiler.StatecraftCompiler.compile(
                sources, java.util.Set.of(dev.statecraft.compiler.Target.GCP))
            .workflows();
    assertFalse(workflows.isEmpty(), () -> sources + " does not compile for gcp");
    for (CompiledWorkflow workflow : workflows) {
      for (Path file : inputsOf(inputs, example ? "" : workflow.name())) {
        if (!file.toString().contains(ONLY)) {
          continue;
        }
        tests.add(
            DynamicTest.dynamicTest(
                file.toString().replace("../", ""),
                () -> {
                  if (referee[0] == null) {
                    Path dir = Files.createTempDirectory(work, "project");
                    referee[0] = GcpReferee.open(emulator, sources, dir.resolve("gcp"));
                    OPEN.add(referee[0]);
                    project[0] = GeneratedProject.compile(sources, dir.resolve("java"));
                  }
                  compare(
                      referee[0],
                      project[0],
                      sources,
                      workflow,
                      file,
                      callbacks.resolve(file.getFileName()));
                }));
      }
    }
    return tests;
  }

  private static void compare(
      GcpReferee gcp,
      GeneratedProject project,
      Path sources,
      CompiledWorkflow workflow,
      Path inputFile,
      Path callbacks)
      throws Exception {
    JsonNode input = JSON.readTree(inputFile.toFile());
    List<JsonNode> answers = new ArrayList<>();
    if (Files.exists(callbacks)) {
      JSON.readTree(callbacks.toFile()).forEach(answers::add);
    }
    Class<?> workflowClass = project.load(workflow.ir().className());
    DirectResult<Object> java;
    try (WorkflowTestEnvironment env =
        WorkflowTestEnvironment.builder().sourceDir(project.sources()).build()) {
      register(env, project, gcp);
      if (!answers.isEmpty()) {
        List<Object> responses = new ArrayList<>();
        for (JsonNode a : answers) {
          responses.add(timeout(a) ? new CallbackTimeout("nobody answered") : a);
        }
        env.onCallback(CallbackResponder.inOrder(responses.toArray()));
      }
      java = env.runDirect(workflowClass, input);
    }
    List<Optional<JsonNode>> gcpAnswers =
        answers.stream()
            .map(a -> timeout(a) ? Optional.<JsonNode>empty() : Optional.of(a))
            .toList();
    GcpRun run = gcp.run(workflow.name(), input, gcpAnswers);
    boolean concurrent = definition(workflow).contains("parallel:");
    List<String> differences = GcpComparison.differences(java, run, workflowClass, concurrent);
    String path = inputFile.normalize().toString().replace("../", "");
    String known = Boolean.getBoolean("statecraft.gcp.ignoreKnown") ? null : known().get(path);
    if (known != null) {
      assertFalse(
          differences.isEmpty(),
          path + " now agrees on Cloud Workflows: remove it from " + KNOWN + " (" + known + ")");
    } else {
      assertEquals(List.of(), differences, workflow.name() + " on " + inputFile);
    }
  }

  private static Map<String, String> known() throws IOException {
    Map<String, String> out = new java.util.HashMap<>();
    for (String line : Files.readAllLines(KNOWN)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        int bar = l.indexOf('|');
        out.put(l.substring(0, bar).strip(), l.substring(bar + 1).strip());
      }
    }
    return out;
  }

  private static boolean timeout(JsonNode answer) {
    return answer.isTextual() && answer.asText().equals("TIMEOUT");
  }

  @SuppressWarnings("unchecked")
  private static void register(
      WorkflowTestEnvironment env, GeneratedProject project, GcpReferee gcp) {
    for (CompiledWorkflow w : gcp.compiled().workflows()) {
      for (Map.Entry<String, String> e : w.ir().implementations().entrySet()) {
        env.registerActivities(
            (Class<Object>) project.load(e.getKey()), project.create(e.getValue()));
      }
    }
  }

  static String definition(CompiledWorkflow w) {
    return w.artifacts().stream()
        .filter(a -> a.path().startsWith("gcp/") && a.path().endsWith(".yaml"))
        .findFirst()
        .orElseThrow()
        .content();
  }

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
