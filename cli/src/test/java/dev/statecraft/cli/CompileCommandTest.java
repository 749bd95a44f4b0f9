package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code statecraft compile} writes each target's artifacts, and only the requested ones. */
class CompileCommandTest {
  private static final Path TRIAGE = Cli.root().resolve("examples/support-triage");

  @Test
  void writesEveryArtifactForAllTargets(@TempDir Path out) throws Exception {
    Cli r = Cli.run("compile", "--source", TRIAGE.toString(), "--out", out.toString());
    assertEquals(Main.OK, r.exitCode(), r::toString);
    Path aws = out.resolve("aws/support-triage");
    assertTrue(
        Files.readString(aws.resolve("statemachine.asl.json"))
            .contains("\"QueryLanguage\": \"JSONata\""));
    assertTrue(
        Files.exists(
            aws.resolve(
                "handlers/dev/statecraft/examples/triage/TriageActivitiesClassifyHandler.java")));
    assertTrue(Files.exists(out.resolve("gcp/support-triage/workflow.yaml")));
    assertTrue(
        Files.exists(
            out.resolve(
                "gcp/support-triage/functions/dev/statecraft/examples/triage/TriageActivitiesDraftReplyFunction.java")));
    assertTrue(
        Files.exists(
            out.resolve(
                "azure/support-triage/dev/statecraft/examples/triage/SupportTriageFunctions.java")));
    String expected =
        Files.readString(TRIAGE.resolve("expected/aws/support-triage/statemachine.asl.json"));
    assertEquals(
        expected,
        Files.readString(aws.resolve("statemachine.asl.json")),
        "the CLI writes what the golden file holds");
    assertEquals(
        Files.readString(TRIAGE.resolve("expected/statecraft-manifest.json")),
        Files.readString(out.resolve("statecraft-manifest.json")),
        "the deployment manifest lies beside the artifacts");
  }

  @Test
  void writesOnlyTheRequestedTarget(@TempDir Path out) {
    Cli r =
        Cli.run(
            "compile", "--source", TRIAGE.toString(), "--target", "gcp", "--out", out.toString());
    assertEquals(Main.OK, r.exitCode(), r::toString);
    assertTrue(Files.exists(out.resolve("gcp/support-triage/workflow.yaml")));
    assertFalse(Files.exists(out.resolve("aws")));
    assertFalse(Files.exists(out.resolve("azure")));
  }

  @Test
  void anUnknownTargetIsAUsageError(@TempDir Path out) {
    Cli r =
        Cli.run(
            "compile",
            "--source",
            TRIAGE.toString(),
            "--target",
            "oracle",
            "--out",
            out.toString());
    assertEquals(Main.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("--target must be aws, gcp, azure or all"), r::toString);
  }

  @Test
  void javaCompileErrorsAreDiagnosticsOfCompileNotSurprisesOfRun(@TempDir Path dir)
      throws Exception {
    Path src = java.nio.file.Files.createDirectories(dir.resolve("src/demo"));
    java.nio.file.Files.writeString(
        src.resolve("Echo.java"),
        "package demo;\n@dev.statecraft.api.Activities\npublic interface Echo {"
            + " String echo(String s); }\n");
    java.nio.file.Files.writeString(
        src.resolve("EchoImpl.java"),
        "package demo;\npublic class EchoImpl implements Echo {"
            + " public String echo(String s) { return s; } }\n");
    java.nio.file.Files.writeString(
        src.resolve("Lam.java"),
        "package demo;\n"
            + "import dev.statecraft.api.*;\n"
            + "import java.util.List;\n"
            + "@Workflow\n"
            + "public class Lam {\n"
            + "  private final Echo act = Durable.activities(Echo.class);\n"
            + "  @WorkflowMethod\n"
            + "  public List<String> run(List<String> in) {\n"
            + "    String suffix = \"!\";\n"
            + "    suffix = suffix + \"?\";\n"
            + "    return Durable.map(in, x -> act.echo(x + suffix));\n"
            + "  }\n"
            + "}\n");
    Cli r =
        Cli.run(
            "compile",
            "--source",
            dir.resolve("src").toString(),
            "--out",
            dir.resolve("out").toString());
    assertEquals(Main.USAGE, r.exitCode(), r::toString);
    assertTrue(
        r.err()
            .contains(
                "Lam.java:11:46: error: [JAVA_COMPILE] local variables referenced from a"
                    + " lambda expression must be final or effectively final"),
        r::toString);
    assertTrue(r.err().contains("                                             ^"), r::toString);
  }
}
