package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow's {@code @Budget} stops an agent loop that has no end of its own, also when the
 * execution is stopped and resumed in between: the running usage is workflow state, stored with the
 * execution, and each activity call checks it (the router of the resumed run is a fresh one). The
 * model is the offline stand-in: 40 tokens a step against a budget of 100.
 */
class BudgetResumeTest {
  private static final Path AGENT = Path.of("src/test/resources/budget-agent");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theAgentCompilesForEveryCloud(@TempDir Path dir) {
    Cli r =
        Cli.run(
            "compile", "--source", AGENT.toString(), "--target", "all", "--out", dir.toString());
    assertEquals(Main.OK, r.exitCode(), r::toString);
    assertTrue(Files.exists(dir.resolve("aws/research-agent/statemachine.asl.json")), r::toString);
    assertTrue(Files.exists(dir.resolve("gcp/research-agent/workflow.yaml")), r::toString);
  }

  @Test
  void theBudgetStopsTheLoopAcrossAResume(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("report.json");
    Cli first =
        Cli.run(
            "run",
            "--source",
            AGENT.toString(),
            "--input",
            "{\"question\": \"What stops a runaway agent?\"}",
            "--execution-name",
            "agent-1",
            "--state-dir",
            dir.toString(),
            "--timeout",
            "PT1S",
            "--quiet");
    assertEquals(Main.STILL_RUNNING, first.exitCode(), first::toString);

    Cli resumed =
        Cli.run(
            "run",
            "--source",
            AGENT.toString(),
            "--execution-name",
            "agent-1",
            "--state-dir",
            dir.toString(),
            "--output",
            output.toString(),
            "--timeout",
            "PT60S", // a budget that did not hold would loop until this
            "--quiet");
    assertEquals(Main.OK, resumed.exitCode(), resumed::toString);
    JsonNode report = JSON.readTree(Files.readString(output));
    // Two steps before the stop, one after: 120 tokens; a resume that forgot the usage would
    // have taken three more.
    assertEquals(3, report.get("steps").asInt(), report::toString);
    assertEquals(120, report.get("tokens").asLong());
    assertEquals(
        "token budget of 100 for this execution is spent: 120 tokens used; the call on route"
            + " 'reasoning' was not made",
        report.get("stoppedBy").asText());
    assertTrue(
        report.get("notes").asText().startsWith("step 0 by local-stand-in/small; step 1 by"),
        report::toString);
  }
}
