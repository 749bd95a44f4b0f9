package dev.statecraft.testing.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.referee.azure.Agreement;
import dev.statecraft.referee.azure.AzureApp;
import dev.statecraft.referee.azure.AzureReferee;
import dev.statecraft.referee.azure.AzureRun;
import dev.statecraft.referee.azure.Hosting;
import dev.statecraft.testing.DirectResult;
import dev.statecraft.testing.WorkflowTestEnvironment;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The random programs of {@link ProgramGenerator} (the same seeds as testing's DifferentialTest)
 * run as plain Java and as their Durable Functions on the Durable Task engine, in both hosting
 * modes (one engine each, in parallel), and must agree ({@link Agreement}).
 *
 * <p>{@code -Dstatecraft.azure.difftest.programs=N} sets how many (500 by default, what CI runs),
 * {@code -Dstatecraft.difftest.seed=S} the first seed. Differing programs are written to {@code
 * target/durabletask-differential-failures.txt}.
 */
class GeneratedProgramsOnDurableTaskTest {
  private static final Path SUPPORT = Path.of("../testing/src/test/resources/differential/gen");
  private static final int PROGRAMS = Integer.getInteger("statecraft.azure.difftest.programs", 500);
  private static final long SEED = Long.getLong("statecraft.difftest.seed", 20261126L);

  /**
   * Retry back-offs and sleeps wait at most this long: the programs' activities answer in
   * milliseconds, so their per-attempt timeouts (also capped) still do not fire.
   */
  private static final Duration TIMER_CAP =
      Duration.ofMillis(Long.getLong("statecraft.azure.difftest.timerCapMillis", 250));

  @Test
  void generatedProgramsBehaveTheSameOnDurableTaskAndAsJava(@TempDir Path dir) throws Exception {
    Path engine = dev.statecraft.referee.azure.EnginesForTests.engine();
    long started = System.nanoTime();
    List<ProgramGenerator.Program> programs = new ArrayList<>();
    for (int k = 0; k < PROGRAMS; k++) {
      programs.add(ProgramGenerator.generate(SEED + k));
    }
    Path src = Files.createDirectories(dir.resolve("project/src/gen"));
    try (Stream<Path> support = Files.list(SUPPORT)) {
      for (Path p : support.toList()) {
        Files.copy(p, src.resolve(p.getFileName()));
      }
    }
    for (ProgramGenerator.Program program : programs) {
      Files.writeString(src.resolve(program.className() + ".java"), program.source());
    }
    List<String> failures = new ArrayList<>();
    try (AzureApp app = AzureApp.compile(dir.resolve("project/src"), Path.of("target/gen-app"))) {
      System.out.println(
          "Durable Task: compiled "
              + programs.size()
              + " programs for Azure in "
              + (System.nanoTime() - started) / 1_000_000L
              + " ms");
      ExecutorService lanes = Executors.newFixedThreadPool(2);
      try {
        List<Future<List<String>>> results = new ArrayList<>();
        for (Hosting hosting : Hosting.values()) {
          results.add(
              lanes.submit(
                  () -> lane(app, engine, dir.resolve(hosting.name()), hosting, programs)));
        }
        for (Future<List<String>> r : results) {
          failures.addAll(r.get());
        }
      } finally {
        lanes.shutdownNow();
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.println(
        "Durable Task: "
            + programs.size()
            + " generated programs in both hosting modes, "
            + failures.size()
            + " differing runs, "
            + seconds
            + " s");
    Files.createDirectories(Path.of("target"));
    Files.writeString(
        Path.of("target/durabletask-differential-failures.txt"), String.join("\n", failures));
    if (!failures.isEmpty()) {
      fail(
          failures.size()
              + " runs differ; the first:\n"
              + String.join("\n", failures.subList(0, Math.min(3, failures.size()))));
    }
  }

  private static List<String> lane(
      AzureApp app, Path engine, Path dir, Hosting hosting, List<ProgramGenerator.Program> programs)
      throws Exception {
    List<String> failures = new ArrayList<>();
    int compared = 0;
    long directNanos = 0;
    long azureNanos = 0;
    long executions = 0;
    try (AzureReferee referee = AzureReferee.start(engine, dir, TIMER_CAP);
        AzureReferee.Host host = referee.host(app, hosting);
        WorkflowTestEnvironment env = WorkflowTestEnvironment.builder().sourceDir(dir).build()) {
      @SuppressWarnings("unchecked")
      Class<Object> ops = (Class<Object>) app.load("gen.Ops");
      for (ProgramGenerator.Program program : programs) {
        Class<?> workflow = app.load("gen." + program.className());
        Object input = input(app, program.seed());
        List<String> differences;
        try {
          env.registerActivities(ops, app.load("gen.OpsImpl").getConstructor().newInstance());
          long t0 = System.nanoTime();
          DirectResult<Object> java = env.runDirect(workflow, input);
          directNanos += System.nanoTime() - t0;
          JsonNode json = ActivityJson.mapper().valueToTree(input);
          AzureRun azure;
          // A fresh app per run: the activity implementations start anew, as in direct mode.
          try (AzureApp fresh = app.reload(Set.of("gen." + program.className() + "Functions"))) {
            host.use(fresh);
            long t1 = System.nanoTime();
            azure = host.run(program.workflowName(), json, List.of(), Duration.ofSeconds(60));
            azureNanos += System.nanoTime() - t1;
            executions += azure.counts().orchestratorExecutions();
          }
          Method method =
              Arrays.stream(workflow.getMethods())
                  .filter(m -> m.getName().equals("run"))
                  .findFirst()
                  .orElseThrow();
          differences = Agreement.differences(java, azure, method, program.concurrent());
          compared++;
        } catch (RuntimeException | AssertionError e) {
          differences = List.of("crashed: " + e);
        }
        if (!differences.isEmpty()) {
          failures.add(
              hosting
                  + " seed "
                  + program.seed()
                  + " ("
                  + program.className()
                  + "):\n  "
                  + String.join("\n  ", differences)
                  + "\n"
                  + program.source());
        }
      }
    }
    System.out.println(
        "Durable Task "
            + hosting
            + ": plain Java "
            + directNanos / 1_000_000L
            + " ms, engine "
            + azureNanos / 1_000_000L
            + " ms, "
            + executions
            + " orchestrator executions");
    assertEquals(programs.size(), compared, hosting + ": programs run both ways and compared");
    return failures;
  }

  /** The program's input, derived from its seed, as testing's DifferentialTest derives it. */
  private static Object input(AzureApp app, long seed) throws ReflectiveOperationException {
    return DifferentialTest.input(app.load("gen.Input"), seed);
  }
}
