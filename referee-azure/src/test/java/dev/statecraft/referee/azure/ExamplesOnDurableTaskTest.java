package dev.statecraft.referee.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.api.CallbackTimeout;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.testing.CallbackResponder;
import dev.statecraft.testing.DirectResult;
import dev.statecraft.testing.WorkflowTestEnvironment;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every example and golden input of the compiler (as testing's ExamplesDifferentialTest lists them)
 * runs as plain Java and as the emitted Durable Functions on the Durable Task engine, in both
 * hosting modes, and the runs must agree on output, failure and activity calls ({@link Agreement}).
 * Callback answers come from the same {@code callbacks/} files; {@code "TIMEOUT"} leaves the wait
 * unanswered, which the engine's timer cap ends in a second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesOnDurableTaskTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("../examples");
  private static final Path GOLDEN = Path.of("../compiler/src/test/golden");

  /**
   * Inputs known to differ, with the reason; each is skipped with it (and fails once it agrees, so
   * that the list only shrinks).
   */
  private static final Map<String, String> KNOWN =
      Map.of(
          "golden/indexes indexes.array-too-short.json",
          "an array index past the end throws IndexOutOfBoundsException on Azure (the emitted"
              + " orchestrator holds arrays as lists), ArrayIndexOutOfBoundsException in Java");

  private Path dir;
  private AzureReferee referee;
  private final Map<Hosting, AtomicInteger> agreed = new ConcurrentHashMap<>();
  private final Map<Hosting, AtomicInteger> ran = new ConcurrentHashMap<>();

  @BeforeAll
  void startEngine() throws IOException {
    dir = Files.createTempDirectory("durabletask-examples");
    referee = AzureReferee.start(EnginesForTests.engine(), dir.resolve("engine"));
  }

  @AfterAll
  void stopEngine() {
    for (Hosting h : Hosting.values()) {
      System.out.println(
          "Durable Task agreement, "
              + h
              + ": "
              + agreed.getOrDefault(h, new AtomicInteger()).get()
              + "/"
              + ran.getOrDefault(h, new AtomicInteger()).get()
              + " inputs");
    }
    if (referee != null) {
      referee.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRecordedInputBehavesTheSameOnDurableTaskAndAsJava() throws IOException {
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
    assertTrue(tests.size() >= 40, "expected inputs for every example and golden case");
    return tests.stream();
  }

  private List<DynamicTest> project(
      String label, Path sources, Path inputs, Path callbacks, boolean example) throws IOException {
    Path work = Files.createTempDirectory(dir, "app");
    AzureApp app = AzureApp.compile(sources, work);
    List<DynamicTest> tests = new ArrayList<>();
    for (CompiledWorkflow workflow : app.compilation().workflows()) {
      List<Path> files = inputsOf(inputs, example ? "" : workflow.name());
      assertFalse(files.isEmpty(), () -> label + ": no input for workflow " + workflow.name());
      for (Path file : files) {
        for (Hosting hosting : Hosting.values()) {
          tests.add(
              DynamicTest.dynamicTest(
                  hosting + " " + label + " " + file.getFileName(),
                  () ->
                      compare(
                          label,
                          sources,
                          app,
                          workflow,
                          file,
                          callbacks.resolve(file.getFileName()),
                          hosting)));
        }
      }
    }
    return tests;
  }

  private void compare(
      String label,
      Path sources,
      AzureApp app,
      CompiledWorkflow workflow,
      Path inputFile,
      Path callbacks,
      Hosting hosting)
      throws Exception {
    ran.computeIfAbsent(hosting, h -> new AtomicInteger()).incrementAndGet();
    JsonNode input = JSON.readTree(inputFile.toFile());
    List<JsonNode> answers = new ArrayList<>();
    if (Files.exists(callbacks)) {
      JSON.readTree(callbacks.toFile()).forEach(answers::add);
    }
    Class<?> workflowClass = app.load(workflow.ir().className());
    DirectResult<Object> java;
    try (WorkflowTestEnvironment env =
        WorkflowTestEnvironment.builder().sourceDir(sources).build()) {
      register(env, app, workflow);
      if (!answers.isEmpty()) {
        env.onCallback(
            CallbackResponder.inOrder(
                answers.stream()
                    .map(
                        a ->
                            a.isTextual() && a.asText().equals("TIMEOUT")
                                ? (Object) new CallbackTimeout("nobody answered")
                                : a)
                    .toArray()));
      }
      java = env.runDirect(workflowClass, input);
    }
    List<CallbackAnswer> azureAnswers =
        answers.stream()
            .map(
                a ->
                    a.isTextual() && a.asText().equals("TIMEOUT")
                        ? (CallbackAnswer) new CallbackAnswer.None()
                        : new CallbackAnswer.Value(a))
            .toList();
    AzureRun azure;
    try (AzureApp fresh = app.reload();
        AzureReferee.Host host = referee.host(fresh, hosting)) {
      azure = host.run(workflow.name(), input, azureAnswers, Duration.ofSeconds(60));
    }
    Method method = workflowMethod(workflowClass, workflow.ir().methodName());
    List<String> differences =
        Agreement.differences(
            java, azure, method, usesConcurrency(JSON.readTree(workflow.stateMachine())));
    String known = KNOWN.get(label + " " + inputFile.getFileName());
    if (known != null) {
      assertFalse(differences.isEmpty(), "agrees now: remove it from KNOWN");
      org.junit.jupiter.api.Assumptions.abort("known difference: " + known);
    }
    assertEquals(List.of(), differences, hosting + " " + label + " on " + inputFile);
    agreed.computeIfAbsent(hosting, h -> new AtomicInteger()).incrementAndGet();
  }

  static Method workflowMethod(Class<?> type, String name) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static void register(
      WorkflowTestEnvironment env, AzureApp app, CompiledWorkflow workflow) {
    for (CompiledWorkflow wf : app.compilation().workflows()) {
      for (Map.Entry<String, String> e : wf.ir().implementations().entrySet()) {
        try {
          env.registerActivities(
              (Class<Object>) app.load(e.getKey()),
              app.load(e.getValue()).getConstructor().newInstance());
        } catch (ReflectiveOperationException x) {
          throw new IllegalStateException(x);
        }
      }
    }
  }

  static boolean usesConcurrency(JsonNode node) {
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
