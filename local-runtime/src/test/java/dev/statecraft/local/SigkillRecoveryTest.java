package dev.statecraft.local;

import static dev.statecraft.local.JsonFunctionHandler.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM running the engine with SIGKILL in the middle of an execution and checks that the
 * database alone lets another engine finish it, without running a committed task again.
 */
class SigkillRecoveryTest {
  @TempDir Path dir;

  @Test
  void anExecutionSurvivesSigkillAndNoCompletedTaskRunsTwice() throws Exception {
    Path db = dir.resolve("killed.db");
    Path log = dir.resolve("tasks.log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KillableEngineMain.class.getName(),
                db.toString(),
                log.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.out").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!lines(log).contains("start 3") && System.nanoTime() < deadline) {
        assertTrue(
            child.isAlive(), () -> "the engine process died: " + read(dir.resolve("child.out")));
        Thread.sleep(10);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    List<String> beforeKill = lines(log);
    assertTrue(beforeKill.contains("start 3"), beforeKill::toString);

    try (LocalEngine engine = LocalEngine.open(EngineOptions.durable(db))) {
      engine.registerLambda("step", KillableEngineMain.loggingHandler(log, 0));
      engine.resumeUnfinished();
      ExecutionResult result =
          engine.awaitResult(
              "arn:aws:states:us-east-1:000000000000:execution:steps:crash",
              Duration.ofSeconds(30));
      assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::toString);
      JsonNode output = json(result.outputJson());
      for (int i = 0; i < KillableEngineMain.STEPS; i++) {
        assertEquals(i * i, output.at("/r" + i + "/v").asInt(), output::toString);
      }
    }
    List<String> all = lines(log);
    for (int i = 0; i < KillableEngineMain.STEPS; i++) {
      long starts = count(all, "start " + i);
      assertTrue(starts >= 1, "step " + i + " never ran");
      if (beforeKill.contains("start " + (i + 1))) {
        assertEquals(1, starts, "step " + i + " had completed, yet ran again: " + all);
      }
    }
  }

  private static long count(List<String> lines, String line) {
    return lines.stream().filter(line::equals).count();
  }

  private static List<String> lines(Path file) throws Exception {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (Exception e) {
      return "";
    }
  }
}
