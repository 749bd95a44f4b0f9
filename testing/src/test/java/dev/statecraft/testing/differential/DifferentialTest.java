package dev.statecraft.testing.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.statecraft.testing.DirectResult;
import dev.statecraft.testing.EngineResult;
import dev.statecraft.testing.WorkflowTestEnvironment;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler preserves meaning: random workflow programs within the language ({@link
 * ProgramGenerator}) run as plain Java and as their compiled Step Functions definitions on the
 * engine, and must agree on output, failure and activity calls.
 *
 * <p>{@code -Dstatecraft.difftest.programs=N} sets how many programs (2,000 by default), {@code
 * -Dstatecraft.difftest.seed=S} the first seed; a failing program is printed with its seed, and
 * {@code -Dstatecraft.difftest.programs=1 -Dstatecraft.difftest.seed=<seed>} runs just it again.
 * Every differing program is written to {@code target/differential-failures.txt}. The flags of
 * {@link ProgramGenerator} that are off by default add programs that are known to differ today.
 */
class DifferentialTest {
  private static final Path SUPPORT = Path.of("src/test/resources/differential/gen");
  private static final int PROGRAMS = Integer.getInteger("statecraft.difftest.programs", 2000);
  private static final long SEED = Long.getLong("statecraft.difftest.seed", 20261126L);
  private static final int BATCH = 1000;

  @Test
  void generatedProgramsBehaveTheSameCompiledAndAsJava(@TempDir Path dir) throws Exception {
    List<ProgramGenerator.Program> programs = new ArrayList<>();
    for (int k = 0; k < PROGRAMS; k++) {
      programs.add(ProgramGenerator.generate(SEED + k));
    }
    List<String> failures = new ArrayList<>();
    int compared = 0;
    int succeeded = 0;
    // Batches keep memory flat: each compiles its own project and runs on its own engine.
    for (int from = 0; from < programs.size(); from += BATCH) {
      List<ProgramGenerator.Program> batch =
          programs.subList(from, Math.min(programs.size(), from + BATCH));
      Path root = dir.resolve("batch-" + from);
      Path src = Files.createDirectories(root.resolve("src/gen"));
      try (Stream<Path> support = Files.list(SUPPORT)) {
        for (Path p : support.toList()) {
          Files.copy(p, src.resolve(p.getFileName()));
        }
      }
      for (ProgramGenerator.Program program : batch) {
        Files.writeString(src.resolve(program.className() + ".java"), program.source());
      }
      try (GeneratedProject project =
              GeneratedProject.compile(root.resolve("src"), root.resolve("classes"));
          WorkflowTestEnvironment env =
              WorkflowTestEnvironment.builder().sourceDir(project.sources()).build()) {
        @SuppressWarnings("unchecked")
        Class<Object> ops = (Class<Object>) project.load("gen.Ops");
        for (ProgramGenerator.Program program : batch) {
          Class<?> workflow = project.load("gen." + program.className());
          Object input = input(project, program.seed());
          List<String> differences;
          try {
            env.registerActivities(ops, project.create("gen.OpsImpl"));
            DirectResult<Object> java = env.runDirect(workflow, input);
            env.registerActivities(ops, project.create("gen.OpsImpl"));
            EngineResult<Object> engine = env.run(workflow, input);
            differences = Comparison.differences(java, engine, program.concurrent());
            compared++;
            succeeded += java.succeeded() ? 1 : 0;
          } catch (RuntimeException | AssertionError e) {
            differences = List.of("crashed: " + e);
          }
          if (!differences.isEmpty()) {
            failures.add(
                "seed "
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
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/differential-failures.txt"), String.join("\n", failures));
    if (!failures.isEmpty()) {
      fail(
          failures.size()
              + " of "
              + programs.size()
              + " programs differ; the first:\n"
              + String.join("\n", failures.subList(0, Math.min(3, failures.size()))));
    }
    assertEquals(PROGRAMS, compared, "programs run both ways and compared");
    if (PROGRAMS >= 100) {
      // Agreement means little if every program fails the same way, or none ever fails.
      int failed = compared - succeeded;
      assertTrue(
          succeeded * 10 >= compared && failed * 20 >= compared,
          "of " + compared + " programs, " + succeeded + " succeed and " + failed + " fail");
    }
  }

  /** The program's input, derived from its seed. */
  static Object input(GeneratedProject project, long seed) throws ReflectiveOperationException {
    return input(project.load("gen.Input"), seed);
  }

  /**
   * The program's input as an instance of {@code inputType} (the generated {@code gen.Input}, as
   * each target's harness loads it), derived from its seed: every target runs the same inputs.
   */
  static Object input(Class<?> inputType, long seed) throws ReflectiveOperationException {
    Random r = new Random(seed * 31);
    String[] names = {"", "alpha", "ab", "gamma ray", "Delta"};
    List<Integer> numbers = new ArrayList<>();
    int n = r.nextInt(5);
    for (int k = 0; k < n; k++) {
      numbers.add(r.nextInt(20));
    }
    Constructor<?> c = inputType.getConstructors()[0];
    String note = r.nextInt(3) == 0 ? null : names[r.nextInt(names.length)];
    Integer bonus = r.nextInt(3) == 0 ? null : r.nextInt(9);
    return c.newInstance(
        (int) Math.floorMod(seed, 1000L), names[r.nextInt(names.length)], numbers, note, bonus);
  }
}
