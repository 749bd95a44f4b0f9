package dev.statecraft.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link EngineBenchmark} runs.
 *
 * @param definition the ASL file, by default {@code ../shared/bench/engine-bench.asl.json}
 * @param input the execution input file, by default {@code ../shared/bench/engine-bench.input.json}
 * @param executions executions per measured round
 * @param concurrency how many executions run at once at most
 * @param warmupRounds rounds run first and not reported, so the JIT has compiled the hot paths
 * @param rounds measured rounds; each gets a fresh engine (and a fresh database when durable)
 * @param workers the engine's worker threads
 * @param modes which engines to measure: {@code durable}, {@code memory} or both, in that order
 */
record BenchOptions(
    Path definition,
    Path input,
    int executions,
    int concurrency,
    int warmupRounds,
    int rounds,
    int workers,
    List<String> modes) {

  static final String USAGE =
      "usage: engine-bench [--definition FILE] [--input FILE] [--executions N] [--concurrency N]"
          + " [--warmup ROUNDS] [--rounds ROUNDS] [--workers N] [--mode durable|memory|both]";

  static BenchOptions defaults() {
    return new BenchOptions(
        shared("engine-bench.asl.json"),
        shared("engine-bench.input.json"),
        1000,
        200,
        3,
        5,
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        List.of("durable", "memory"));
  }

  /** Parses {@code --name value} pairs over the defaults. */
  static BenchOptions parse(String[] args) {
    BenchOptions o = defaults();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after '" + name + "'");
      }
      String value = args[++i];
      o =
          switch (name) {
            case "--definition" -> o.with(Path.of(value), o.input, o.executions, o.concurrency);
            case "--input" -> o.with(o.definition, Path.of(value), o.executions, o.concurrency);
            case "--executions" ->
                o.with(o.definition, o.input, positive(name, value), o.concurrency);
            case "--concurrency" ->
                o.with(o.definition, o.input, o.executions, positive(name, value));
            case "--warmup" -> o.withRounds(nonNegative(name, value), o.rounds, o.workers, o.modes);
            case "--rounds" ->
                o.withRounds(o.warmupRounds, positive(name, value), o.workers, o.modes);
            case "--workers" ->
                o.withRounds(o.warmupRounds, o.rounds, positive(name, value), o.modes);
            case "--mode" -> o.withRounds(o.warmupRounds, o.rounds, o.workers, modes(value));
            default -> throw new IllegalArgumentException("unknown option '" + name + "'");
          };
    }
    return o;
  }

  private BenchOptions with(Path definition, Path input, int executions, int concurrency) {
    return new BenchOptions(
        definition, input, executions, concurrency, warmupRounds, rounds, workers, modes);
  }

  private BenchOptions withRounds(int warmup, int measured, int threads, List<String> which) {
    return new BenchOptions(
        definition, input, executions, concurrency, warmup, measured, threads, which);
  }

  private static List<String> modes(String value) {
    List<String> modes = new ArrayList<>();
    switch (value) {
      case "both" -> modes.addAll(List.of("durable", "memory"));
      case "durable", "memory" -> modes.add(value);
      default ->
          throw new IllegalArgumentException(
              "'--mode' expects durable, memory or both, not '" + value + "'");
    }
    return modes;
  }

  private static int positive(String name, String value) {
    int n = nonNegative(name, value);
    if (n == 0) {
      throw new IllegalArgumentException("'" + name + "' must be at least 1");
    }
    return n;
  }

  private static int nonNegative(String name, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw new IllegalArgumentException("'" + name + "' must not be negative: " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + name + "' expects a number, not '" + value + "'");
    }
  }

  /** The shared benchmark file, seen from the repository root or from {@code bench/}. */
  private static Path shared(String file) {
    Path fromRoot = Path.of("..", "shared", "bench", file);
    Path fromModule = Path.of("..", "..", "shared", "bench", file);
    return Files.exists(fromRoot) || !Files.exists(fromModule) ? fromRoot : fromModule;
  }
}
