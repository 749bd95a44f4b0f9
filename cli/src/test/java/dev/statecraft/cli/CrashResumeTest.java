package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code statecraft run} in a separate JVM is killed with SIGKILL while the second of three
 * activities runs; running it again by name (no {@code --input}: the execution has its own) resumes
 * the execution: the output is right, and no activity that had completed before the kill runs
 * again.
 */
class CrashResumeTest {
  private static final Path PROJECT =
      Path.of("src/test/resources/projects/crash-resume").toAbsolutePath();

  @Test
  void aKilledRunResumesWithoutRepeatingCompletedActivities(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("steps.log");
    Path gate = Files.createFile(dir.resolve("gate"));
    Path output = dir.resolve("output.json");
    List<String> command =
        List.of(
            javaBinary(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "run",
            "--source",
            PROJECT.toString(),
            "--input",
            "\"crash-\"",
            "--execution-name",
            "crash-1",
            "--state-dir",
            dir.resolve("state").toString(),
            "--output",
            output.toString());
    Map<String, String> env =
        Map.of("STATECRAFT_TEST_LOG", log.toString(), "STATECRAFT_TEST_GATE", gate.toString());

    Process first = start(command, env, dir.resolve("first.out"));
    awaitLine(log, "start two", first);
    first.destroyForcibly();
    assertTrue(first.waitFor(30, TimeUnit.SECONDS));
    assertEquals(
        List.of("start one", "end one", "start two"), lines(log), "the kill landed in step two");

    Files.delete(gate);
    List<String> resume = new java.util.ArrayList<>(command);
    resume.subList(resume.indexOf("--input"), resume.indexOf("--input") + 2).clear();
    Process second = start(resume, env, dir.resolve("second.out"));
    assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the resumed run did not finish");
    String out = Files.readString(dir.resolve("second.out"));
    assertEquals(0, second.exitValue(), out);

    assertEquals("\"crash-ONE-TWO-THREE\"", Files.readString(output).trim());
    Map<String, Long> counts =
        lines(log).stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertEquals(1L, counts.get("start one"), "completed step one must not run again: " + counts);
    assertEquals(1L, counts.get("end one"));
    assertEquals(
        2L, counts.get("start two"), "step two was interrupted, so it runs again (at least once)");
    assertEquals(1L, counts.get("end two"));
    assertEquals(1L, counts.get("start three"));
    assertEquals(1L, counts.get("end three"));
  }

  static Process start(List<String> command, Map<String, String> env, Path out) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  private static void awaitLine(Path log, String line, Process p) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!(Files.exists(log) && lines(log).contains(line))) {
      if (!p.isAlive()) {
        throw new AssertionError("the run ended before '" + line + "' with exit " + p.exitValue());
      }
      if (Instant.now().isAfter(deadline)) {
        p.destroyForcibly();
        throw new AssertionError("no '" + line + "' within 90 s");
      }
      Thread.sleep(20);
    }
  }

  private static List<String> lines(Path log) throws IOException {
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(s -> !s.isBlank())
        .toList();
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
