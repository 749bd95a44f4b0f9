package dev.statecraft.referee.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.testing.DirectResult;
import dev.statecraft.testing.WorkflowTestEnvironment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A worker JVM killed with SIGKILL mid-orchestration, right after an activity ran and before its
 * result reached the engine: a new worker replays the instance from its history to the result plain
 * Java gives.
 */
class WorkerKillTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {2}")
  @CsvSource({
    "../examples/support-triage/src/main/java, support-triage, ../examples/support-triage/ticket.json",
    "../compiler/src/test/golden/loops/src, loops, ../compiler/src/test/golden/loops/inputs/loops.json",
    "../compiler/src/test/golden/try-catch/src, fallback, ../compiler/src/test/golden/try-catch/inputs/fallback.busy.json"
  })
  void aKilledWorkerReplaysToTheSameResult(String sources, String workflow, String inputFile)
      throws Exception {
    Path engine = EnginesForTests.engine();
    JsonNode input = JSON.readTree(Path.of(inputFile).toFile());
    try (AzureReferee referee = AzureReferee.start(engine, dir.resolve("engine"));
        AzureApp app = AzureApp.compile(Path.of(sources), dir.resolve("app"))) {
      CompiledWorkflow compiled = app.compilation().workflow(workflow).orElseThrow();
      Process worker =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  WorkerMain.class.getName(),
                  sources,
                  dir.resolve("child-app").toString(),
                  String.valueOf(referee.port()),
                  Hosting.FUNCTIONS_HOST.name())
              .redirectErrorStream(true)
              .start();
      String instance;
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        awaitLine(out, "ready");
        instance = referee.start(app, workflow, input);
        awaitLine(out, "attempt ");
      } finally {
        worker.destroyForcibly(); // SIGKILL
        assertTrue(worker.waitFor(10, TimeUnit.SECONDS));
      }
      assertEquals(137, worker.exitValue(), "the worker died of SIGKILL");

      AzureRun replayed;
      try (AzureReferee.Host host = referee.host(app, Hosting.FUNCTIONS_HOST)) {
        replayed = referee.await(instance, Duration.ofSeconds(60), List.of());
      }
      DirectResult<Object> java;
      Class<?> type = app.load(compiled.ir().className());
      try (WorkflowTestEnvironment env =
          WorkflowTestEnvironment.builder().sourceDir(Path.of(sources)).build()) {
        for (Map.Entry<String, String> e : compiled.ir().implementations().entrySet()) {
          @SuppressWarnings("unchecked")
          Class<Object> iface = (Class<Object>) app.load(e.getKey());
          env.registerActivities(iface, app.load(e.getValue()).getConstructor().newInstance());
        }
        java = env.runDirect(type, input);
      }
      System.out.println(
          "Durable Task worker kill: "
              + workflow
              + " replayed to "
              + replayed.output()
              + replayed.failure().map(f -> " failed " + f).orElse("")
              + ", "
              + replayed.counts());
      assertEquals(java.succeeded(), replayed.succeeded(), () -> "replayed: " + replayed);
      if (java.succeeded()) {
        JsonNode output =
            dev.statecraft.adapters.ActivityJson.mapper()
                .valueToTree(
                    dev.statecraft.adapters.ActivityJson.mapper()
                        .convertValue(
                            replayed.output(),
                            dev.statecraft.adapters.ActivityJson.mapper()
                                .getTypeFactory()
                                .constructType(
                                    ExamplesOnDurableTaskTest.workflowMethod(
                                            type, compiled.ir().methodName())
                                        .getGenericReturnType())));
        assertEquals(java.outputJson(), output);
      } else {
        assertEquals(
            java.failure().orElseThrow(), Agreement.error(replayed.failure().orElseThrow()));
      }
      assertTrue(
          replayed.counts().orchestratorReplays() >= 1, "the new worker replayed the history");
    }
  }

  private static void awaitLine(BufferedReader out, String prefix) throws Exception {
    StringBuilder seen = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith(prefix)) {
        return;
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the worker ended before printing " + prefix + ":\n" + seen);
  }
}
