package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code statecraft run} on the support-triage example, through the embedded engine. */
class RunCommandTest {
  private static final Path TRIAGE = Cli.root().resolve("examples/support-triage");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void runsASimpleTicketWithTheCheapModelPrintingEachStep(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("out/result.json");
    Cli r =
        Cli.run(
            "run",
            "--source",
            TRIAGE.toString(),
            "--input",
            TRIAGE.resolve("ticket.json").toString(),
            "--output",
            output.toString(),
            "--state-dir",
            dir.toString());
    assertEquals(Main.OK, r.exitCode(), r::toString);
    assertTrue(
        r.out().contains("> Classify") && r.out().contains("Task -> TriageActivities_classify"),
        r::toString);
    assertTrue(r.out().contains("< DraftReply_2"), r::toString);
    JsonNode result = JSON.readTree(Files.readString(output));
    assertEquals("T-1042", result.get("ticketId").asText());
    assertEquals("billing", result.get("category").asText());
    assertEquals(false, result.get("escalated").asBoolean());
    assertEquals("local-stand-in/small", result.get("model").asText());
    assertEquals(
        "[billing @ 0.85] Charged twice for my subscription -> local-stand-in/small",
        result.get("summary").asText());
    assertTrue(r.out().trim().endsWith("}"), "the output JSON comes last");
  }

  @Test
  void childWorkflowsRunAsChildExecutionsWithTheirOwnActivities(@TempDir Path dir)
      throws Exception {
    Cli r =
        Cli.run(
            "run",
            "--source",
            "../compiler/src/test/golden/child-workflows/src",
            "--workflow",
            "localize",
            "--input",
            "\"hi\"",
            "--state-dir",
            dir.toString(),
            "--quiet");
    assertEquals(Main.OK, r.exitCode(), r::toString);
    // Translate and Shout run as child executions (two of them inside an expression); Shout
    // takes a plain String input.
    assertEquals(
        "[FR] HI! / failed / DONE! / A!+HI! / kept", JSON.readTree(r.out()).asText(), r::toString);
  }

  @Test
  void escalatesAComplexTicketToTheStrongModel(@TempDir Path dir) throws Exception {
    Cli r =
        Cli.run(
            "run",
            "--source",
            TRIAGE.toString(),
            "--input",
            TRIAGE.resolve("complex-ticket.json").toString(),
            "--state-dir",
            dir.toString(),
            "--quiet");
    assertEquals(Main.OK, r.exitCode(), r::toString);
    JsonNode result = JSON.readTree(r.out());
    assertEquals(true, result.get("escalated").asBoolean());
    assertEquals("local-stand-in/large", result.get("model").asText());
  }

  @Test
  void aFailedExecutionExitsWithOneAndNamesTheError(@TempDir Path dir) {
    Cli r =
        Cli.run(
            "run",
            "--source",
            TRIAGE.toString(),
            "--input",
            "{\"id\":\"T-9\",\"customer\":\"c\",\"subject\":\"s\",\"body\":\"   \"}",
            "--state-dir",
            dir.toString());
    assertEquals(Main.FAILED, r.exitCode(), r::toString);
    assertTrue(r.err().contains("EmptyTicket: ticket T-9 has no text"), r::toString);
  }

  @Test
  void badInputIsAUsageError(@TempDir Path dir) {
    Cli notJson =
        Cli.run(
            "run",
            "--source",
            TRIAGE.toString(),
            "--input",
            "{oops",
            "--state-dir",
            dir.toString());
    assertEquals(Main.USAGE, notJson.exitCode(), notJson::toString);
    assertTrue(
        notJson.err().contains("--input is neither a file nor valid JSON"), notJson::toString);

    Cli wrongShape =
        Cli.run(
            "run",
            "--source",
            TRIAGE.toString(),
            "--input",
            "[1, 2]",
            "--state-dir",
            dir.toString());
    assertEquals(Main.USAGE, wrongShape.exitCode(), wrongShape::toString);
    assertTrue(
        wrongShape.err().contains("--input does not fit Ticket")
            && wrongShape.err().contains("the parameter 'ticket'"),
        wrongShape::toString);
  }

  @Test
  void aCompileErrorIsPrintedWithPositionAndCaretAndExitsWithTwo(@TempDir Path dir)
      throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/bad"));
    Files.writeString(
        src.resolve("Bad.java"),
        "package bad;\n\nimport dev.statecraft.api.*;\n\n@Workflow\npublic class Bad {\n  @WorkflowMethod\n"
            + "  public long run(String in) {\n    return System.currentTimeMillis();\n  }\n}\n");
    Cli r =
        Cli.run("run", "--source", dir.resolve("src").toString(), "--state-dir", dir.toString());
    assertEquals(Main.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("Bad.java:9:12: error: [NONDETERMINISTIC_CALL]"), r::toString);
    assertTrue(
        r.err().contains("    return System.currentTimeMillis();\n           ^\n"), r::toString);
    assertTrue(!r.err().contains("Exception"), "no stack trace: " + r.err());
  }

  @Test
  void unknownWorkflowAndMissingSourceAreUsageErrors(@TempDir Path dir) {
    Cli unknown =
        Cli.run(
            "run",
            "--source",
            TRIAGE.toString(),
            "--workflow",
            "nope",
            "--state-dir",
            dir.toString());
    assertEquals(Main.USAGE, unknown.exitCode(), unknown::toString);
    assertTrue(
        unknown.err().contains("no workflow named 'nope'; the project has: support-triage"),
        unknown::toString);

    Cli missing = Cli.run("run", "--source", dir.resolve("nowhere").toString());
    assertEquals(Main.USAGE, missing.exitCode(), missing::toString);

    Cli noArgs = Cli.run("run");
    assertEquals(Main.USAGE, noArgs.exitCode(), noArgs::toString);
  }
}
