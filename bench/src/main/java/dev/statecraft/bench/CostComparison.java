package dev.statecraft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.api.CallbackTimeout;
import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.testing.ActivityCall;
import dev.statecraft.testing.CallbackResponder;
import dev.statecraft.testing.EngineResult;
import dev.statecraft.testing.WorkflowTestEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a compiled workflow costs on Step Functions, next to the state machine a person would write
 * by hand for the same job: each case under {@code bench/cost/<workflow-name>/} holds the
 * hand-written definition ({@code handwritten.asl.json}, an AWS documentation pattern in JSONata
 * mode) and inputs; the workflow, in Java, is package {@code dev.statecraft.bench.cost.<name
 * without dashes>} of this module. Both run on the embedded engine with the same activities, and
 * must end the same way; the compiled one must not take more state transitions (what AWS bills) on
 * any input.
 *
 * <pre>
 * bench/run-cost.sh      # prints the table; exit status 1 when a row is worse or differs
 * </pre>
 */
public final class CostComparison {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SOURCES = "src/main/java/dev/statecraft/bench/cost";

  private CostComparison() {}

  /**
   * One run of a case on one input, compiled and hand-written.
   *
   * @param workflow the case, named as its workflow
   * @param input the input's label (its file name without {@code .json})
   * @param compiled the compiled definition's state transitions
   * @param handwritten the hand-written definition's state transitions
   * @param outcome how the compiled run ended: its output, or its error
   * @param difference empty when both ended the same way with the same activity calls, else what
   *     differed
   */
  public record Row(
      String workflow,
      String input,
      long compiled,
      long handwritten,
      String outcome,
      String difference) {
    /** Whether the compiled definition is no more expensive and does the same. */
    public boolean ok() {
      return compiled <= handwritten && difference.isEmpty();
    }
  }

  public static void main(String[] args) {
    Path bench = Files.isDirectory(Path.of("bench/cost")) ? Path.of("bench") : Path.of(".");
    List<Row> rows = measure(bench);
    print(rows, System.out);
    System.exit(rows.stream().allMatch(Row::ok) ? 0 : 1);
  }

  /** Runs every case under {@code benchModule/cost} on every one of its inputs. */
  public static List<Row> measure(Path benchModule) {
    List<Row> rows = new ArrayList<>();
    for (Path caseDir : list(benchModule.resolve("cost"), Files::isDirectory)) {
      String name = caseDir.getFileName().toString();
      rows.addAll(
          measureCase(caseDir, benchModule.resolve(SOURCES).resolve(name.replace("-", ""))));
    }
    return rows;
  }

  private static List<Row> measureCase(Path caseDir, Path sources) {
    CompilationResult compilation = StatecraftCompiler.compile(sources, Set.of(Target.AWS));
    if (!compilation.succeeded() || compilation.workflows().size() != 1) {
      throw new IllegalStateException(
          sources
              + " should hold one workflow that compiles:\n"
              + compilation.formattedDiagnostics());
    }
    CompiledWorkflow workflow = compilation.workflows().get(0);
    String handwritten = read(caseDir.resolve("handwritten.asl.json"));
    List<Row> rows = new ArrayList<>();
    for (Path inputFile : list(caseDir.resolve("inputs"), p -> p.toString().endsWith(".json"))) {
      String label = inputFile.getFileName().toString().replaceFirst("\\.json$", "");
      JsonNode input = json(read(inputFile));
      Path callbacks = caseDir.resolve("callbacks").resolve(inputFile.getFileName());
      try (WorkflowTestEnvironment env =
          WorkflowTestEnvironment.builder().sourceDir(sources).build()) {
        Class<?> type = load(workflow.ir().className());
        prepare(env, workflow, callbacks);
        EngineResult<Object> compiled = env.run(type, input);
        prepare(env, workflow, callbacks);
        EngineResult<Object> byHand = env.runDefinition(type, handwritten, input);
        rows.add(
            new Row(
                workflow.name(),
                label,
                compiled.stateTransitions(),
                byHand.stateTransitions(),
                outcome(compiled),
                difference(compiled, byHand)));
      }
    }
    return rows;
  }

  /** Fresh activity implementations and the input's callback answers, for one run. */
  @SuppressWarnings("unchecked")
  private static void prepare(
      WorkflowTestEnvironment env, CompiledWorkflow workflow, Path callbacks) {
    for (Map.Entry<String, String> e : workflow.ir().implementations().entrySet()) {
      try {
        env.registerActivities(
            (Class<Object>) load(e.getKey()), load(e.getValue()).getConstructor().newInstance());
      } catch (ReflectiveOperationException ex) {
        throw new IllegalStateException("cannot create " + e.getValue(), ex);
      }
    }
    if (Files.exists(callbacks)) {
      List<Object> answers = new ArrayList<>();
      for (JsonNode answer : json(read(callbacks))) {
        boolean timeout = answer.isTextual() && answer.asText().equals("TIMEOUT");
        answers.add(timeout ? new CallbackTimeout("nobody answered") : answer);
      }
      env.onCallback(CallbackResponder.inOrder(answers.toArray()));
    }
  }

  private static String outcome(EngineResult<?> r) {
    return r.succeeded()
        ? r.outputJson().toString()
        : r.failure().map(f -> "failed: " + f).orElse("failed");
  }

  private static String difference(EngineResult<?> compiled, EngineResult<?> byHand) {
    if (!outcome(compiled).equals(outcome(byHand))) {
      return "hand-written " + outcome(byHand);
    }
    List<String> compiledCalls = calls(compiled);
    List<String> byHandCalls = calls(byHand);
    return Objects.equals(compiledCalls, byHandCalls)
        ? ""
        : "calls " + compiledCalls + " vs hand-written " + byHandCalls;
  }

  /** The activity calls, sorted: Map and Parallel branches run concurrently. */
  private static List<String> calls(EngineResult<?> r) {
    return r.activityCalls().stream().map(ActivityCall::toString).sorted().toList();
  }

  /** The comparison as a Markdown table, with a verdict line. */
  public static void print(List<Row> rows, PrintStream out) {
    out.println("| workflow | input | compiled | hand-written | outcome |");
    out.println("|---|---|---:|---:|---|");
    for (Row r : rows) {
      out.printf(
          Locale.ROOT,
          "| %s | %s | %d | %d | %s%s |%n",
          r.workflow(),
          r.input(),
          r.compiled(),
          r.handwritten(),
          r.outcome().replace("|", "\\|"),
          r.difference().isEmpty() ? "" : " **DIFFERS: " + r.difference() + "**");
    }
    long worse = rows.stream().filter(r -> r.compiled() > r.handwritten()).count();
    long differ = rows.stream().filter(r -> !r.difference().isEmpty()).count();
    long compiled = rows.stream().mapToLong(Row::compiled).sum();
    long handwritten = rows.stream().mapToLong(Row::handwritten).sum();
    out.printf(
        Locale.ROOT,
        "%n%d runs: compiled %d transitions, hand-written %d; %d compiled runs cost more, %d"
            + " behave differently%n",
        rows.size(),
        compiled,
        handwritten,
        worse,
        differ);
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(className + " is not on the class path", e);
    }
  }

  private static List<Path> list(Path dir, Predicate<Path> filter) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(filter).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
