package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  void aFailedExecutionExitsWithOneNamesTheErrorAndWritesItToOutput(@TempDir Path dir)
      throws Exception {
    Path output = dir.resolve("result.json");
    Cli r =
        Cli.run(
            "run",
            "--source",
            TRIAGE.toString(),
            "--input",
            "{\"id\":\"T-9\",\"customer\":\"c\",\"subject\":\"s\",\"body\":\"   \"}",
            "--state-dir",
            dir.toString(),
            "--output",
            output.toString());
    assertEquals(Main.FAILED, r.exitCode(), r::toString);
    assertTrue(r.err().contains("EmptyTicket: ticket T-9 has no text"), r::toString);
    JsonNode failure = JSON.readTree(Files.readString(output));
    assertEquals("FAILED", failure.get("status").asText(), failure::toString);
    assertTrue(failure.get("error").asText().endsWith("EmptyTicket"), failure::toString);
    assertTrue(failure.get("cause").asText().contains("ticket T-9 has no text"), failure::toString);
  }

  @Test
  void anExecutionResumesByNameAloneAndRefusesAnotherInputInOneLine(@TempDir Path dir)
      throws Exception {
    String[] named = {
      "run", "--source", TRIAGE.toString(), "--execution-name", "t-1", "--state-dir", dir.toString()
    };
    Cli first = Cli.run(concat(named, "--input", TRIAGE.resolve("ticket.json").toString()));
    assertEquals(Main.OK, first.exitCode(), first::toString);

    // What the CLI's hints say to type: the name, no --input.
    Cli again = Cli.run(named);
    assertEquals(Main.OK, again.exitCode(), again::toString);
    assertTrue(again.out().contains("execution 't-1' has already run"), again::toString);
    assertEquals("T-1042", lastJson(again.out()).get("ticketId").asText(), again::toString);

    // The same input, spelled differently, is the same execution.
    String sameInput = Files.readString(TRIAGE.resolve("ticket.json")).replace("\n", " ");
    Cli same = Cli.run(concat(named, "--input", sameInput));
    assertEquals(Main.OK, same.exitCode(), same::toString);

    Cli other = Cli.run(concat(named, "--input", TRIAGE.resolve("complex-ticket.json").toString()));
    assertEquals(Main.CANNOT_RESUME, other.exitCode(), other::toString);
    assertEquals(
        "statecraft: execution 't-1' exists with another input; to resume it, leave out --input:"
            + " statecraft run --source "
            + TRIAGE
            + " --execution-name t-1 --state-dir "
            + dir
            + " (to run this input, give it another --execution-name)\n",
        other.err(),
        other::toString);
  }

  @Test
  void aNameThatWasNeverRunIsNotResumedWithANullInput(@TempDir Path dir) {
    Cli r =
        Cli.run(
            "run",
            "--source",
            TRIAGE.toString(),
            "--execution-name",
            "never-ran",
            "--state-dir",
            dir.toString());
    assertEquals(Main.CANNOT_RESUME, r.exitCode(), r::toString);
    assertTrue(
        r.err().contains("no execution 'never-ran' of 'support-triage' in ")
            && r.err().contains("to start it, add --input"),
        r::toString);
  }

  @Test
  void aWorkflowThatTakesAnInputDoesNotStartWithoutOne(@TempDir Path dir) {
    Cli r = Cli.run("run", "--source", TRIAGE.toString(), "--state-dir", dir.toString());
    assertEquals(Main.USAGE, r.exitCode(), r::toString);
    assertTrue(
        r.err().contains("workflow 'support-triage' takes an input")
            && r.err().contains("add --input FILE_OR_JSON"),
        r::toString);
    assertFalse(r.out().contains("running"), r::toString);
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
    assertTrue(notJson.err().contains("--input is not valid JSON"), notJson::toString);

    String missing = TRIAGE.resolve("tiket.json").toString();
    Cli noFile = Cli.run("run", "--source", TRIAGE.toString(), "--input", missing);
    assertEquals(Main.USAGE, noFile.exitCode(), noFile::toString);
    assertEquals(
        "statecraft: --input " + missing + ": no such file (give a JSON file or JSON text)\n",
        noFile.err(),
        noFile::toString);

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
  void aMisspelledOrWronglyTypedInputFieldIsNamed(@TempDir Path dir) {
    Cli misspelled =
        Cli.run(
            "run",
            "--source",
            TRIAGE.toString(),
            "--input",
            "{\"id\":\"T-1\",\"customer\":\"c\",\"subjetc\":\"s\",\"body\":\"b\"}",
            "--state-dir",
            dir.toString());
    assertEquals(Main.USAGE, misspelled.exitCode(), misspelled::toString);
    assertEquals(
        "statecraft: --input does not fit Ticket: field 'subjetc' is not a field of Ticket; did"
            + " you mean 'subject'? (the parameter 'ticket' of workflow 'support-triage')\n",
        misspelled.err(),
        misspelled::toString);

    Cli wrongType =
        Cli.run(
            "run",
            "--source",
            TRIAGE.toString(),
            "--input",
            "{\"id\":1042,\"customer\":\"c\",\"subject\":\"s\",\"body\":\"b\"}",
            "--state-dir",
            dir.toString());
    assertEquals(Main.USAGE, wrongType.exitCode(), wrongType::toString);
    assertTrue(
        wrongType.err().contains("field 'id' is the number 1042, not a string"),
        wrongType::toString);
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
    assertEquals(
        "statecraft: error: [UNKNOWN_WORKFLOW] no workflow named 'nope'\n"
            + "  hint: the project's workflows: support-triage; choose one with --workflow"
            + " support-triage\n",
        unknown.err(),
        unknown::toString);

    Cli missing = Cli.run("run", "--source", dir.resolve("nowhere").toString());
    assertEquals(Main.USAGE, missing.exitCode(), missing::toString);

    Cli noArgs = Cli.run("run");
    assertEquals(Main.USAGE, noArgs.exitCode(), noArgs::toString);
  }

  static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** The output JSON, which {@code run} prints last. */
  static JsonNode lastJson(String printed) throws Exception {
    return JSON.readTree(printed.substring(printed.lastIndexOf("\n{") + 1));
  }

  @Test
  void runsTheTicketsDurableFunctionsOnTheDurableTaskEngineWithTargetAzure(@TempDir Path dir)
      throws Exception {
    java.util.Optional<Path> engine = dev.statecraft.referee.azure.AzureReferee.engine();
    if (engine.isEmpty()) {
      String why = "the Durable Task engine is not built: bash tools/build-durabletask.sh";
      if ("true".equals(System.getenv("CI"))) {
        org.junit.jupiter.api.Assertions.fail(why);
      }
      org.junit.jupiter.api.Assumptions.abort(why);
    }
    Cli r =
        Cli.run(
            "run",
            "--target",
            "azure",
            "--source",
            TRIAGE.toString(),
            "--input",
            TRIAGE.resolve("ticket.json").toString(),
            "--state-dir",
            dir.toString());
    assertEquals(Main.OK, r.exitCode(), r::toString);
    assertTrue(r.out().contains("activity TriageActivities.classify -> "), r::toString);
    assertTrue(r.out().contains("statecraft: billed: "), r::toString);
    String json = r.out().substring(r.out().lastIndexOf("billed: "));
    JsonNode result = JSON.readTree(json.substring(json.indexOf('{')));
    assertEquals("billing", result.get("category").asText());
    assertEquals("local-stand-in/small", result.get("model").asText());
  }
}
