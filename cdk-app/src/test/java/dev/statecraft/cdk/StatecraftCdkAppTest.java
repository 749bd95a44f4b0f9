package dev.statecraft.cdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.manifest.DeploymentManifest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line and {@link StatecraftCdkApp#synth}. */
class StatecraftCdkAppTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return StatecraftCdkApp.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  private void assertNoStackTrace() {
    assertFalse(err.toString().contains("\tat "), err.toString());
    assertFalse(err.toString().contains("Exception"), err.toString());
  }

  @Test
  void helpPrintsUsage() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().startsWith("usage: statecraft-cdk-app --manifest FILE --jar FILE"));
  }

  @Test
  void aCommandLineItDoesNotReadIsAUsageError() {
    assertEquals(2, run("--jar", "app.jar"));
    assertTrue(
        err.toString().startsWith("error: --manifest FILE is required\nusage:"), err.toString());
    assertEquals(
        2,
        new StatecraftCdkAppTest().run("--manifest", "m.json", "--jar", "a.jar", "--frobnicate"));
    assertEquals(
        2,
        new StatecraftCdkAppTest()
            .run("--manifest", "m.json", "--jar", "a.jar", "--env", "NOEQUALS"));
    assertEquals(2, new StatecraftCdkAppTest().run("--manifest", "--jar", "a.jar"));
  }

  @Test
  void aMissingManifestIsAClearError(@TempDir Path dir) {
    assertEquals(
        1,
        run("--manifest", dir.resolve("nope.json").toString(), "--jar", Fixtures.jar().toString()));
    assertTrue(
        err.toString().startsWith("error: no manifest at " + dir.resolve("nope.json")),
        err.toString());
    assertNoStackTrace();
  }

  @Test
  void aMissingJarIsAClearError(@TempDir Path dir) {
    String manifest = Fixtures.manifest("support-triage").toString();
    assertEquals(1, run("--manifest", manifest, "--jar", dir.resolve("app.jar").toString()));
    assertTrue(
        err.toString().startsWith("error: no deployable jar at " + dir.resolve("app.jar")),
        err.toString());
    assertNoStackTrace();
  }

  @Test
  void aFileThatIsNoManifestIsAClearError(@TempDir Path dir) throws Exception {
    Path manifest =
        Files.writeString(dir.resolve("statecraft-manifest.json"), "{\"workflows\": 3}");
    assertEquals(1, run("--manifest", manifest.toString(), "--jar", Fixtures.jar().toString()));
    assertTrue(err.toString().startsWith("error: not a Statecraft manifest"), err.toString());
    assertNoStackTrace();
  }

  @Test
  void anOverrideOfAnUndeclaredVariableIsRefused(@TempDir Path dir) {
    String manifest = Fixtures.manifest("support-triage").toString();
    assertEquals(
        1,
        run(
            "--manifest",
            manifest,
            "--jar",
            Fixtures.jar().toString(),
            "--out",
            dir.toString(),
            "--env",
            "STATECRAFT_LARGE_MODLE=x"));
    assertTrue(
        err.toString().contains("no activity declares @Env 'STATECRAFT_LARGE_MODLE'"),
        err.toString());
    assertTrue(
        err.toString().contains("STATECRAFT_LARGE_MODEL"), "names the declared ones: " + err);
    assertNoStackTrace();
  }

  @Test
  void aStackNameCloudFormationRefusesIsAClearError(@TempDir Path dir) {
    String manifest = Fixtures.manifest("support-triage").toString();
    assertEquals(
        1,
        run(
            "--manifest",
            manifest,
            "--jar",
            Fixtures.jar().toString(),
            "--out",
            dir.toString(),
            "--stack-name",
            "1st_stack"));
    assertTrue(
        err.toString().startsWith("error: stack name '1st_stack' must start with a letter"),
        err.toString());
  }

  @Test
  void writesADeployableAssemblyWhoseTemplateIsTheGoldenOne(@TempDir Path dir) throws Exception {
    Path outDir = dir.resolve("cdk.out");
    assertEquals(
        0,
        run(
            "--manifest",
            Fixtures.manifest("refund-approval").toString(),
            "--jar",
            Fixtures.jar().toString(),
            "--out",
            outDir.toString()),
        err.toString());
    Path template = outDir.resolve("statecraft-refund-approval.template.json");
    assertEquals("wrote " + template + "\n", out.toString());
    assertTrue(
        Files.isRegularFile(outDir.resolve("manifest.json")), "the cloud assembly's manifest");
    assertTrue(
        Files.readString(outDir.resolve("statecraft-refund-approval.assets.json")).contains(".jar"),
        "the jar is an asset for cdk deploy to upload");
    ObjectMapper json = new ObjectMapper();
    assertEquals(
        json.readTree(Fixtures.ROOT.resolve("refund-approval/expected/template.json").toFile()),
        json.readTree(template.toFile()),
        "the command line synthesizes the stack the golden test checks");

    Synthesis again =
        StatecraftCdkApp.synth(
            SynthOptions.builder()
                .manifest(Fixtures.manifest("refund-approval"))
                .jar(copyOfTheJar(dir))
                .outDir(dir.resolve("again"))
                .build());
    assertEquals(
        List.of(dir.resolve("again/statecraft-refund-approval.template.json")), again.templates());
    assertEquals("statecraft-refund-approval", again.stackName());
    assertArrayEquals(
        Files.readAllBytes(template),
        Files.readAllBytes(again.templates().get(0)),
        "the same inputs (the jar elsewhere, under another name) give the same bytes");
  }

  private static Path copyOfTheJar(Path dir) throws Exception {
    Path copy = dir.resolve("elsewhere").resolve("renamed-app.jar");
    Files.createDirectories(copy.getParent());
    return Files.copy(Fixtures.jar(), copy);
  }

  @Test
  void contextOverridesDeclaredVariablesAndTheCommandLineWins() {
    DeploymentManifest manifest = DeploymentManifest.read(Fixtures.manifest("support-triage"));
    Map<String, Object> context =
        Map.of(
            "env.STATECRAFT_LARGE_MODEL", "from-context",
            "env.STATECRAFT_SMALL_MODEL", "from-context",
            "env.UNDECLARED", "ignored");
    assertEquals(
        Map.of(
            "STATECRAFT_LARGE_MODEL",
            "from-context",
            "STATECRAFT_SMALL_MODEL",
            "from-the-command-line"),
        StatecraftCdkApp.overrides(
            context::get, manifest, Map.of("STATECRAFT_SMALL_MODEL", "from-the-command-line")));
  }

  @Test
  void theOutputFolderDefaultsToWhereTheCdkCliLooks() throws Exception {
    List<String> args = List.of("--manifest", "m.json", "--jar", "a.jar");
    assertEquals(
        Path.of("/tmp/cli-out"),
        CdkAppCommandLine.parse(args, Map.of("CDK_OUTDIR", "/tmp/cli-out")).options().outDir());
    assertEquals(Path.of("cdk.out"), CdkAppCommandLine.parse(args, Map.of()).options().outDir());
    List<String> explicit = List.of("--manifest", "m.json", "--jar", "a.jar", "--out", "mine");
    assertEquals(
        Path.of("mine"),
        CdkAppCommandLine.parse(explicit, Map.of("CDK_OUTDIR", "/tmp/cli-out")).options().outDir());
  }

  @Test
  void theStackIsNamedAfterTheFirstWorkflow() {
    assertEquals(
        "statecraft-fulfil-order",
        StatecraftCdkApp.stackName(DeploymentManifest.read(Fixtures.manifest("order-fulfilment"))));
    assertEquals(
        "statecraft", StatecraftCdkApp.stackName(DeploymentManifest.of(List.of(), List.of())));
  }
}
