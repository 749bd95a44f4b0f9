package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code statecraft synth} and {@code deploy}, offline: the real CDK app synthesizes the example,
 * and the real AWS CDK CLI (tools/, installed by the build) reads the cloud assembly it wrote.
 */
class SynthCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path TRIAGE = Cli.root().resolve("examples/support-triage");

  @TempDir static Path out;
  private static Cli synth;

  @BeforeAll
  static void synthesizeTheExample() {
    Assumptions.assumeTrue(
        Files.isDirectory(Cli.root().resolve("cdk-app/target/lib")),
        "the CDK app is not built (cdk-app/target/lib): run the full build, mvn -B verify");
    synth =
        Cli.run(
            "synth",
            "--source",
            TRIAGE.toString(),
            "--out",
            out.toString(),
            "--env",
            "STATECRAFT_LARGE_MODEL=gpt-4.1");
  }

  @Test
  void writesATemplateWithTheWorkflowItsFunctionsAndItsSecrets() throws Exception {
    assertEquals(Main.OK, synth.exitCode(), synth::toString);
    Path template = out.resolve("statecraft-support-triage.template.json");
    assertTrue(synth.out().contains(template.toString()), synth::toString);
    JsonNode resources = JSON.readTree(template.toFile()).path("Resources");
    List<String> handlers = new ArrayList<>();
    int machines = 0;
    int secrets = 0;
    for (JsonNode r : resources) {
      String type = r.path("Type").asText();
      if (type.equals("AWS::Lambda::Function")) {
        handlers.add(r.path("Properties").path("Handler").asText());
      }
      machines += type.equals("AWS::StepFunctions::StateMachine") ? 1 : 0;
      if (type.equals("AWS::SecretsManager::Secret")) {
        secrets++;
        assertFalse(r.path("Properties").has("SecretString"), r::toString);
        assertFalse(r.path("Properties").has("GenerateSecretString"), r::toString);
      }
    }
    assertEquals(1, machines);
    assertEquals(2, secrets, "OPENAI_API_KEY and TICKETS_WEBHOOK_SECRET");
    assertTrue(
        handlers.contains("dev.statecraft.examples.triage.TriageActivitiesClassifyHandler"),
        handlers::toString);
    assertTrue(handlers.contains("dev.statecraft.aws.WebhookReceiverHandler"), handlers::toString);
    String text = Files.readString(template, StandardCharsets.UTF_8);
    assertTrue(text.contains("\"gpt-4.1\""), "--env overrides the @Env value");
  }

  @Test
  void theLambdaPackageHoldsTheHandlersTheManifestAndTheRuntime() throws Exception {
    assertEquals(Main.OK, synth.exitCode(), synth::toString);
    try (ZipFile zip = new ZipFile(out.resolve("statecraft/lambda.zip").toFile())) {
      assertTrue(
          zip.getEntry("dev/statecraft/examples/triage/TriageActivitiesClassifyHandler.class")
              != null);
      assertTrue(zip.getEntry("statecraft/statecraft-manifest.json") != null);
      assertTrue(
          zip.stream().anyMatch(e -> e.getName().matches("lib/statecraft-adapters-aws-.*\\.jar")));
      assertTrue(zip.stream().anyMatch(e -> e.getName().matches("lib/secretsmanager-.*\\.jar")));
    }
  }

  @Test
  void theAwsCdkCliReadsTheCloudAssembly() throws Exception {
    assertEquals(Main.OK, synth.exitCode(), synth::toString);
    Path cdk = Cli.root().resolve("tools/node_modules/.bin/cdk");
    Assumptions.assumeTrue(
        Files.isExecutable(cdk), "the AWS CDK CLI is not installed in tools/ (npm ci there)");
    Process p =
        new ProcessBuilder(cdk.toString(), "ls", "--app", out.toString(), "--no-notices")
            .redirectErrorStream(true)
            .start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), printed);
    assertTrue(
        printed.lines().anyMatch(l -> l.trim().equals("statecraft-support-triage")), printed);
  }

  @Test
  void aProjectThatDoesNotCompileIsAUsageErrorWithItsDiagnostics(@TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("Bad.java"),
        "import dev.statecraft.api.*;\n"
            + "@Workflow public class Bad {\n"
            + "  @WorkflowMethod public String run(String in) { return Secrets.get(\"K\"); }\n"
            + "}\n");
    Cli r = Cli.run("synth", "--source", dir.toString(), "--out", dir.resolve("out").toString());
    assertEquals(Main.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("error: [SECRET_IN_WORKFLOW]"), r::toString);
    assertFalse(Files.exists(dir.resolve("out")), "nothing is written");
  }

  @Test
  void deploySaysWhatIsMissingBeforeDoingAnything(@TempDir Path home) {
    DeployCommand deploy = new DeployCommand();
    deploy.userHome = home;
    deploy.environment = Map.of("PATH", "");
    List<String> missing = deploy.missing();
    assertEquals(3, missing.size(), missing::toString);
    assertTrue(missing.get(0).startsWith("Node.js"), missing::toString);
    assertTrue(missing.get(1).startsWith("AWS credentials"), missing::toString);
    assertTrue(missing.get(2).startsWith("a region"), missing::toString);

    deploy.environment =
        Map.of(
            "PATH",
            System.getenv("PATH"),
            "AWS_ACCESS_KEY_ID",
            "AKIA...",
            "AWS_REGION",
            "eu-west-1");
    assertEquals(List.of(), deploy.missing());
  }
}
