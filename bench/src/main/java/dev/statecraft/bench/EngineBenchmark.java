package dev.statecraft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.local.EngineOptions;
import dev.statecraft.local.ExecutionResult;
import dev.statecraft.local.ExecutionStatus;
import dev.statecraft.local.LocalEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Runs the shared benchmark state machine on {@link LocalEngine}, durable (every transition
 * committed to a SQLite file in a temporary folder) and in memory, and prints executions/s, state
 * transitions/s and the per-transition latency percentiles of each round and their median.
 *
 * <pre>
 * java -jar bench/target/statecraft-bench.jar --executions 1000 --concurrency 200 --rounds 5
 * </pre>
 *
 * <p>Exit status 0 when every execution succeeded with the expected output, 1 when one did not, 2
 * for bad arguments.
 */
public final class EngineBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EngineBenchmark() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the benchmark; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    BenchOptions options;
    String definition;
    String input;
    try {
      options = BenchOptions.parse(args);
      definition = Files.readString(options.definition());
      input = Files.readString(options.input());
    } catch (IllegalArgumentException | IOException e) {
      err.println("engine-bench: error: " + e.getMessage());
      err.println(BenchOptions.USAGE);
      return 2;
    }
    out.printf(
        Locale.ROOT,
        "engine-bench: %s, %d executions per round, concurrency %d, %d workers, %d warm-up and %d"
            + " measured rounds, %d processors, Java %s%n",
        options.definition(),
        options.executions(),
        options.concurrency(),
        options.workers(),
        options.warmupRounds(),
        options.rounds(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    try {
      for (String mode : options.modes()) {
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < options.warmupRounds() + options.rounds(); i++) {
          boolean warmup = i < options.warmupRounds();
          Round round = runRound(mode, i, options, definition, input);
          out.println("  " + mode + (warmup ? " warm-up " : " round ") + (i + 1) + ": " + round);
          if (!warmup) {
            rounds.add(round);
          }
        }
        out.println(summary(mode, rounds));
      }
    } catch (BenchmarkFailure e) {
      err.println("engine-bench: error: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private static Round runRound(
      String mode, int index, BenchOptions options, String definition, String input) {
    Path dir = null;
    try {
      boolean durable = mode.equals("durable");
      dir = durable ? Files.createTempDirectory("statecraft-bench") : null;
      Semaphore inFlight = new Semaphore(options.concurrency());
      TransitionClock clock = new TransitionClock(inFlight);
      EngineOptions engineOptions =
          (durable ? EngineOptions.durable(dir.resolve("bench.db")) : EngineOptions.inMemory())
              .withListener(clock)
              .withWorkerThreads(options.workers());
      try (LocalEngine engine = LocalEngine.open(engineOptions)) {
        engine.createStateMachine("bench", definition);
        long start = System.nanoTime();
        String last = null;
        for (int i = 0; i < options.executions(); i++) {
          inFlight.acquire();
          last = engine.startExecution("bench", "round" + index + "-" + i, input);
        }
        inFlight.acquire(options.concurrency());
        long elapsed = System.nanoTime() - start;
        check(engine.awaitResult(last, Duration.ofMinutes(1)), clock, options.executions());
        return new Round(
            options.executions(),
            clock.transitions(),
            elapsed,
            clock.percentile(0.50),
            clock.percentile(0.99));
      }
    } catch (Exception e) {
      throw new BenchmarkFailure(mode + " round " + (index + 1) + " failed: " + e, e);
    } finally {
      deleteRecursively(dir);
    }
  }

  /** Fails unless every execution succeeded and the last one produced the expected output. */
  private static void check(ExecutionResult last, TransitionClock clock, int executions)
      throws IOException {
    if (clock.succeeded() != executions || clock.failed() != 0) {
      throw new BenchmarkFailure(
          clock.succeeded() + " of " + executions + " executions succeeded", null);
    }
    if (last.status() != ExecutionStatus.SUCCEEDED) {
      throw new BenchmarkFailure("the last execution ended " + last, null);
    }
    JsonNode output = JSON.readTree(last.outputJson());
    if (output.path("n").asInt() != 20 || output.path("out").size() != 100) {
      throw new BenchmarkFailure("unexpected output " + last.outputJson(), null);
    }
  }

  private static String summary(String mode, List<Round> rounds) {
    List<Double> rates = rounds.stream().map(Round::transitionsPerSecond).sorted().toList();
    Round median =
        rounds.stream()
            .sorted(Comparator.comparingDouble(Round::transitionsPerSecond))
            .toList()
            .get(rounds.size() / 2);
    return String.format(
        Locale.ROOT,
        "engine %s median: %.1f exec/s, %.0f transitions/s (min %.0f, max %.0f over %d rounds);"
            + " per-transition p50 %s, p99 %s",
        mode,
        median.executionsPerSecond(),
        median.transitionsPerSecond(),
        rates.get(0),
        rates.get(rates.size() - 1),
        rounds.size(),
        Round.millis(median.p50Nanos()),
        Round.millis(median.p99Nanos()));
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a leftover temporary folder is not worth failing the benchmark over
    }
  }

  /** One measured round. */
  record Round(int executions, long transitions, long nanos, long p50Nanos, long p99Nanos) {
    double executionsPerSecond() {
      return executions * 1e9 / nanos;
    }

    double transitionsPerSecond() {
      return transitions * 1e9 / nanos;
    }

    static String millis(long nanos) {
      return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%d executions, %d transitions in %.3f s = %.1f exec/s, %.0f transitions/s;"
              + " per-transition p50 %s, p99 %s",
          executions,
          transitions,
          nanos / 1e9,
          executionsPerSecond(),
          transitionsPerSecond(),
          millis(p50Nanos),
          millis(p99Nanos));
    }
  }

  private static final class BenchmarkFailure extends RuntimeException {
    BenchmarkFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
