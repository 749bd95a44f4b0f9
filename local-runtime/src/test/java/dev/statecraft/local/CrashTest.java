package dev.statecraft.local;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.statecraft.local.CrashScenarios.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kills the engine process with SIGKILL at random points, hundreds of times, and checks that the
 * durable engine loses nothing and repeats nothing it had committed.
 *
 * <p>Each lane (two by default, run side by side) owns a database and a sequence of engine
 * processes ({@link CrashTestEngineMain}), one per epoch. The test keeps asking for executions of
 * the workflows of {@link CrashScenarios} (JSONata and JSONPath; Lambda tasks, Wait states with
 * seconds and timestamps on the wall clock, inline Map with MaxConcurrency, Parallel, Retry, Catch,
 * a Choice loop and {@code .waitForTaskToken} callbacks): some before a process starts, which
 * starts them while it resumes the others, some while it runs. It kills each process with {@code
 * Process.destroyForcibly()}, which is SIGKILL on Linux (the test checks the exit status, 137), at
 * a random delay after its start: during JVM start, while it reopens the database and resumes, or
 * in full flight. Half of the processes also SIGKILL themselves from their listener right after the
 * commit of a randomly chosen event (say the second {@code TaskFailed}), before that commit's
 * follow-on actions run: windows of microseconds that a timed kill seldom hits. The next process
 * resumes where the last one died; callback tokens logged by earlier processes are answered by
 * later ones. After the last kill a final process runs until every execution has finished. Then
 * {@link CrashAudit} checks, for every execution:
 *
 * <ul>
 *   <li>none is missing, and each has exactly the status, output or error its input implies;
 *   <li>its history has ids 1..n without gaps, each event following one earlier event, no event
 *       followed twice (no step of a branch committed twice), one start, one end, and every state
 *       entered, exited and scheduled exactly as often as the workflow says (loops and retries
 *       included); state transitions add up;
 *   <li>activities are at least once and no more: an attempt runs at most once per process, only in
 *       processes from the one that committed its scheduling to the one that committed its result,
 *       so it runs again only when a kill caught it in flight;
 *   <li>a callback answer the engine accepted is committed in that process; a token handed out is
 *       never refused unless an answer had been sent already.
 * </ul>
 *
 * <p>Knobs (system properties, passed through by Maven):
 *
 * <pre>
 * mvn -o -pl local-runtime test -Dtest=CrashTest \
 *     -Dstatecraft.crash.runs=200    # kills in all, shared by the lanes (default 200)
 *     -Dstatecraft.crash.seed=42     # the seed of kill delays and requests (default random)
 *     -Dstatecraft.crash.lanes=2     # processes killed side by side (default 2)
 * </pre>
 *
 * The seed fixes the kill delays and the requested executions, not the thread interleavings, so a
 * rerun with the seed of a failure repeats its schedule but may not hit the same instant. A failed
 * run leaves its databases, logs and a report in {@code target/crash-test-*}/lane-N.
 */
class CrashTest {
  static final int RUNS = Integer.getInteger("statecraft.crash.runs", 200);
  static final int LANES = Integer.getInteger("statecraft.crash.lanes", 2);
  static final long SEED =
      Long.getLong("statecraft.crash.seed", ThreadLocalRandom.current().nextLong());
  private static final int SIGKILL_EXIT = 128 + 9;

  /** Events after whose commit a process may kill itself; {@code *} is any event. */
  private static final String[] KILL_AFTER = {
    "*",
    "ExecutionStarted",
    "TaskScheduled",
    "TaskStarted",
    "TaskSucceeded",
    "TaskFailed",
    "TaskStateExited",
    "WaitStateEntered",
    "WaitStateExited",
    "MapIterationStarted",
    "MapIterationSucceeded",
    "PassStateExited",
    "MapStateSucceeded",
    "ParallelStateFailed",
    "ExecutionSucceeded"
  };

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void sigkillAtRandomPointsLosesNothingAndRepeatsOnlyActivitiesCaughtInFlight() throws Exception {
    Path root = newRoot();
    String reproduce =
        "mvn -o -pl local-runtime test -Dtest=CrashTest -Dstatecraft.crash.seed="
            + SEED
            + " -Dstatecraft.crash.runs="
            + RUNS
            + " -Dstatecraft.crash.lanes="
            + LANES;
    System.out.println("CrashTest: " + reproduce);
    ExecutorService pool = Executors.newFixedThreadPool(LANES);
    List<Future<CrashAudit.Report>> futures = new ArrayList<>();
    for (int i = 0; i < LANES; i++) {
      int kills = RUNS / LANES + (i < RUNS % LANES ? 1 : 0);
      Lane lane = new Lane(i, root.resolve("lane-" + i), SEED + i * 0x9E3779B97F4A7C15L, kills);
      futures.add(pool.submit(lane::runAtRandom));
    }
    pool.shutdown();
    List<CrashAudit.Report> reports = new ArrayList<>();
    for (Future<CrashAudit.Report> future : futures) {
      reports.add(future.get());
    }
    StringBuilder failures = new StringBuilder();
    CrashAudit.Coverage total = new CrashAudit.Coverage();
    for (CrashAudit.Report report : reports) {
      System.out.println("CrashTest " + report.summary());
      total.add(report.coverage());
      if (!report.problems().isEmpty()) {
        failures.append(report.failureText()).append('\n');
      }
    }
    if (failures.length() > 0) {
      fail("seed " + SEED + ", reproduce with:\n  " + reproduce + "\n\n" + failures);
    }
    deleteRecursively(root);
    if (RUNS >= 200) {
      // A run this long that never caught an activity or a callback in flight tests too little.
      assertTrue(total.repeatedInvocations > 0, () -> "no kill caught an activity in flight");
      assertTrue(
          total.tokensAnsweredAfterAKill > 0, () -> "no callback outlived the process it began in");
    }
  }

  /**
   * A kill right after a Parallel branch's failure is committed, before the Parallel's own step:
   * the branch still running a task beside it must stay stopped (its task not run again after the
   * restart), and the execution must end as it would have without the kill. A timed kill almost
   * never lands in this window.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aKillRightAfterABranchFailedKeepsTheBranchBesideItStopped() throws Exception {
    Path root = newRoot();
    Lane lane = new Lane(0, root.resolve("lane-0"), SEED, 1);
    lane.request(new Request("spared", "doomed", CrashScenarios.json("{\"fatal\":false}")));
    CrashAudit.Report report =
        lane.run(epoch -> new Kill(30_000, -1, List.of("TaskFailed:1")), false);
    assertTrue(report.problems().isEmpty(), report::failureText);
    assertTrue(report.coverage().killsRightAfterACommit == 1, () -> "no kill: " + report.summary());
    deleteRecursively(root);
  }

  private static Path newRoot() throws IOException {
    Files.createDirectories(Path.of("target"));
    return Files.createTempDirectory(Path.of("target"), "crash-test-").toAbsolutePath();
  }

  /**
   * How one process dies: killed {@code afterMillis} after its start, having been asked for one
   * more execution after {@code requestAfterMillis} (unless negative), unless it kills itself first
   * as {@code mode} says ({@code TYPE:COUNT}, see {@link CrashTestEngineMain}).
   */
  record Kill(long afterMillis, long requestAfterMillis, List<String> mode) {}

  /** One database and the processes that run on it, one after another. */
  static final class Lane {
    final int index;
    final Path dir;
    final Random random;
    final int kills;
    final List<CrashAudit.Epoch> epochs = new ArrayList<>();
    final List<Request> requests = new ArrayList<>();

    Lane(int index, Path dir, long seed, int kills) {
      this.index = index;
      this.dir = dir;
      this.random = new Random(seed);
      this.kills = kills;
    }

    /** Kills processes at random, asks for one more execution of each workflow, then audits. */
    CrashAudit.Report runAtRandom() throws Exception {
      return run(this::randomKill, true);
    }

    /**
     * Runs {@link #kills} processes, each killed as {@code plan} says, then a final one, and audits
     * the lane.
     */
    CrashAudit.Report run(IntFunction<Kill> plan, boolean oneOfEach) throws Exception {
      Files.createDirectories(dir);
      List<String> problems = new ArrayList<>();
      for (int epoch = 0; epoch < kills && problems.isEmpty(); epoch++) {
        killOne(epoch, plan.apply(epoch), problems);
      }
      if (!problems.isEmpty()) {
        writeEpochs();
        return CrashAudit.Report.failedEarly(index, dir, problems, tail(dir.resolve("child.out")));
      }
      for (int kind = 0; oneOfEach && kind < CrashScenarios.KINDS; kind++) {
        request(kind);
      }
      finish(problems);
      writeEpochs();
      return new CrashAudit(index, dir, requests, epochs, problems).audit();
    }

    /** Perhaps asks for an execution, and picks how to kill the next process. */
    private Kill randomKill(int epoch) {
      if (random.nextInt(3) > 0) {
        request(random.nextInt(CrashScenarios.KINDS));
      }
      long afterMillis = 50 + random.nextInt(1450);
      long requestAfterMillis = random.nextBoolean() ? random.nextInt((int) afterMillis) : -1;
      List<String> mode = new ArrayList<>();
      if (random.nextBoolean()) {
        String type = KILL_AFTER[random.nextInt(KILL_AFTER.length)];
        mode.add(type + ":" + (1 + random.nextInt(type.equals("*") ? 80 : 3)));
      }
      return new Kill(afterMillis, requestAfterMillis, mode);
    }

    private void killOne(int epoch, Kill kill, List<String> problems) throws Exception {
      Instant start = Instant.now();
      Process child = spawn(epoch, kill.mode());
      try {
        long began = System.nanoTime();
        if (kill.requestAfterMillis() >= 0) {
          child.waitFor(kill.requestAfterMillis(), TimeUnit.MILLISECONDS);
          request(random.nextInt(CrashScenarios.KINDS));
        }
        long left = kill.afterMillis() - (System.nanoTime() - began) / 1_000_000;
        child.waitFor(Math.max(0, left), TimeUnit.MILLISECONDS);
      } finally {
        child.destroyForcibly();
        child.waitFor();
      }
      Instant end = Instant.now();
      epochs.add(new CrashAudit.Epoch(epoch, start, end, kill.afterMillis(), child.exitValue()));
      if (child.exitValue() != SIGKILL_EXIT) {
        problems.add("epoch " + epoch + ": exit status " + child.exitValue() + ", not SIGKILL");
      }
    }

    private void finish(List<String> problems) throws Exception {
      Instant start = Instant.now();
      Process child = spawn(kills, List.of("final"));
      boolean exited;
      try {
        exited = child.waitFor(90, TimeUnit.SECONDS);
      } finally {
        child.destroyForcibly();
        child.waitFor();
      }
      epochs.add(new CrashAudit.Epoch(kills, start, Instant.now(), -1, child.exitValue()));
      if (!exited || child.exitValue() != 0) {
        problems.add(
            "the final process "
                + (exited ? "exited with " + child.exitValue() : "did not exit in 90 s")
                + ": some execution did not finish within a minute");
      }
    }

    private Process spawn(int epoch, List<String> mode) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
      command.addAll(List.of("-cp", System.getProperty("java.class.path")));
      command.addAll(
          List.of(CrashTestEngineMain.class.getName(), dir.toString(), String.valueOf(epoch)));
      command.addAll(mode);
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("child.out").toFile()))
          .start();
    }

    private void request(int kind) {
      String name = "x" + index + "-" + requests.size();
      request(CrashScenarios.random(random, name, Instant.now(), kind));
    }

    /** Asks the lane's processes for {@code request}, by appending it to the request file. */
    void request(Request request) {
      requests.add(request);
      try {
        Files.createDirectories(dir);
        Files.writeString(
            dir.resolve("requests.txt"),
            request.line() + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void writeEpochs() throws IOException {
      StringBuilder text = new StringBuilder();
      for (CrashAudit.Epoch e : epochs) {
        text.append(e).append('\n');
      }
      Files.writeString(dir.resolve("epochs.txt"), text);
    }
  }

  static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output)";
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
