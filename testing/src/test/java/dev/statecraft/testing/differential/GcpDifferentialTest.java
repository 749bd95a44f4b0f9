package dev.statecraft.testing.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.referee.gcp.GcpReferee;
import dev.statecraft.referee.gcp.GcpRun;
import dev.statecraft.testing.DirectResult;
import dev.statecraft.testing.WorkflowTestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Google Cloud back end preserves meaning: the random programs of {@link DifferentialTest} run
 * as plain Java and as their Cloud Workflows definitions on the Cloud Workflows emulator, with
 * their Cloud Run functions, and must agree on output, failure and activity calls ({@link
 * GcpComparison}).
 *
 * <p>{@code -Dstatecraft.gcp.difftest.programs=N} sets how many programs (300 by default, about a
 * minute on 2 cores), {@code -Dstatecraft.gcp.difftest.seed=S} the first seed (the AWS test's by
 * default, so the same programs run on both targets). Programs that differ and are not known are
 * written to {@code target/gcp-differential-failures.txt}, all differing ones to {@code
 * target/gcp-differential-all.txt}. Needs the emulator ({@code bash tools/build-gcw-emulator.sh}):
 * skipped without it, failed in CI.
 *
 * <p>The seeds of programs known to differ today, each with the first difference, are in {@code
 * src/test/resources/differential/gcp-known-seeds.txt}: a program not listed must agree, a listed
 * one must still differ (so the list only shrinks). {@code -Dstatecraft.gcp.difftest.record=true}
 * rewrites the list from a run.
 */
class GcpDifferentialTest {
  private static final Path SUPPORT = Path.of("src/test/resources/differential/gen");
  private static final int PROGRAMS = Integer.getInteger("statecraft.gcp.difftest.programs", 300);
  private static final long SEED = Long.getLong("statecraft.gcp.difftest.seed", 20261126L);
  private static final int BATCH = 500;
  private static final Path KNOWN = Path.of("src/test/resources/differential/gcp-known-seeds.txt");
  private static final boolean RECORD = Boolean.getBoolean("statecraft.gcp.difftest.record");

  @Test
  void generatedProgramsBehaveTheSameOnCloudWorkflowsAndAsJava(@TempDir Path dir) throws Exception {
    Path emulator = Referees.gcwEmulator();
    List<ProgramGenerator.Program> programs = new ArrayList<>();
    for (int k = 0; k < PROGRAMS; k++) {
      programs.add(ProgramGenerator.generate(SEED + k));
    }
    java.util.Map<Long, String> known = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(KNOWN)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int bar = line.indexOf('|');
        known.put(Long.parseLong(line.substring(0, bar).strip()), line.substring(bar + 1).strip());
      }
    }
    java.util.Map<Long, String> differing = new java.util.TreeMap<>();
    List<String> allDiffering = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int compared = 0;
    long started = System.nanoTime();
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
              WorkflowTestEnvironment.builder().sourceDir(project.sources()).build();
          GcpReferee gcp = GcpReferee.open(emulator, root.resolve("src"), root.resolve("gcp"))) {
        @SuppressWarnings("unchecked")
        Class<Object> ops = (Class<Object>) project.load("gen.Ops");
        for (ProgramGenerator.Program program : batch) {
          Class<?> workflow = project.load("gen." + program.className());
          Object input = DifferentialTest.input(project, program.seed());
          List<String> differences;
          try {
            env.registerActivities(ops, project.create("gen.OpsImpl"));
            DirectResult<Object> java = env.runDirect(workflow, input);
            JsonNode json = ActivityJson.mapper().valueToTree(input);
            GcpRun run = gcp.run(program.workflowName(), json, List.of());
            differences = GcpComparison.differences(java, run, workflow, program.concurrent());
            compared++;
          } catch (Exception | AssertionError e) {
            differences = List.of("crashed: " + e);
          }
          if (!differences.isEmpty()) {
            differing.put(program.seed(), differences.get(0).replace('\n', ' '));
            allDiffering.add(
                "seed "
                    + program.seed()
                    + ":\n  "
                    + String.join("\n  ", differences)
                    + "\n"
                    + program.source());
          }
          if (!RECORD
              && differences.isEmpty()
              && known.containsKey(program.seed())
              && !known.get(program.seed()).startsWith("differs in some runs only")) {
            failures.add("seed " + program.seed() + " now agrees: remove it from " + KNOWN + "\n");
          }
          if (!RECORD && !differences.isEmpty() && !known.containsKey(program.seed())) {
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
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.println(
        "GCP differential: "
            + PROGRAMS
            + " programs, "
            + (PROGRAMS - differing.size())
            + " agree, "
            + differing.size()
            + " differ ("
            + failures.size()
            + " not known), "
            + seconds
            + " s");
    if (RECORD) {
      List<String> lines = new ArrayList<>();
      lines.add(
          "# Seeds of generated programs that differ on Cloud Workflows (GcpDifferentialTest),"
              + " with the first");
      lines.add(
          "# difference; rewritten by -Dstatecraft.gcp.difftest.record=true. Most are text"
              + " functions that count");
      lines.add(
          "# bytes on the emulator (len, text.find_all) or case rules other than Java's (ß"
              + " upper-cased), where Java counts UTF-16 units.");
      differing.forEach(
          (seed, d) -> lines.add(seed + " | " + (d.length() > 300 ? d.substring(0, 300) : d)));
      Files.write(KNOWN, lines);
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/gcp-differential-failures.txt"), String.join("\n", failures));
    Files.writeString(Path.of("target/gcp-differential-all.txt"), String.join("\n", allDiffering));
    if (!failures.isEmpty()) {
      fail(
          failures.size()
              + " of "
              + programs.size()
              + " programs differ on Cloud Workflows; the first:\n"
              + String.join("\n", failures.subList(0, Math.min(3, failures.size()))));
    }
    assertEquals(PROGRAMS, compared, "programs run both ways and compared");
  }
}
