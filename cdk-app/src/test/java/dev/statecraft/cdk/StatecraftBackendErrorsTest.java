package dev.statecraft.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.Substitution;
import dev.statecraft.manifest.WorkflowSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

/** A manifest that does not hang together stops the backend with a message, before synthesis. */
class StatecraftBackendErrorsTest {
  @TempDir Path dir;

  private static WorkflowSpec workflow(
      String name, List<String> children, List<Substitution> substitutions) {
    return new WorkflowSpec(
        name,
        "x." + name,
        "STANDARD",
        null,
        "void",
        Map.of("aws", name + ".asl.json"),
        List.of(),
        children,
        List.of(),
        List.of(),
        substitutions);
  }

  private static Substitution child(String name) {
    return new Substitution("StateMachine_" + name, Substitution.Kind.STATE_MACHINE, name);
  }

  private void definition(String name, String asl) throws Exception {
    Files.writeString(dir.resolve(name + ".asl.json"), asl);
  }

  private String fail(DeploymentManifest manifest, String stackName) {
    Stack stack =
        new Stack(new App(), stackName, StackProps.builder().stackName(stackName).build());
    StatecraftBackendProps props =
        StatecraftBackendProps.builder()
            .manifest(manifest)
            .manifestDirectory(dir)
            .jar(Fixtures.jar())
            .build();
    return assertThrows(
            IllegalArgumentException.class, () -> new StatecraftBackend(stack, "Statecraft", props))
        .getMessage();
  }

  @Test
  void aPlaceholderTheManifestDoesNotDeclare() throws Exception {
    definition(
        "lonely",
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Comment\":\"${Nobody}\",\"End\":true}}}");
    String message =
        fail(
            DeploymentManifest.of(List.of(workflow("lonely", List.of(), List.of())), List.of()),
            "s1");
    assertEquals("workflow 'lonely' has placeholders with no value: [Nobody]", message);
  }

  @Test
  void aChildTheManifestDoesNotHave() {
    String message =
        fail(
            DeploymentManifest.of(
                List.of(workflow("parent", List.of("ghost"), List.of(child("ghost")))), List.of()),
            "s2");
    assertEquals(
        "workflow 'parent' starts workflow 'ghost', which the manifest does not have", message);
  }

  @Test
  void workflowsThatStartEachOther() {
    String message =
        fail(
            DeploymentManifest.of(
                List.of(
                    workflow("a", List.of("b"), List.of(child("b"))),
                    workflow("b", List.of("a"), List.of(child("a")))),
                List.of()),
            "s3");
    assertEquals("workflows start each other in a cycle: a -> b -> a", message);
  }

  @Test
  void aMissingDefinitionFile() {
    Stack stack = new Stack(new App(), "s4");
    StatecraftBackendProps props =
        StatecraftBackendProps.builder()
            .manifest(
                DeploymentManifest.of(List.of(workflow("absent", List.of(), List.of())), List.of()))
            .manifestDirectory(dir)
            .jar(Fixtures.jar())
            .build();
    java.io.UncheckedIOException e =
        assertThrows(
            java.io.UncheckedIOException.class,
            () -> new StatecraftBackend(stack, "Statecraft", props));
    assertTrue(
        e.getMessage().startsWith("cannot read the definition of workflow 'absent': "),
        e.getMessage());
  }

  @Test
  void aMissingJar() {
    Stack stack = new Stack(new App(), "s5");
    StatecraftBackendProps props =
        StatecraftBackendProps.builder()
            .manifest(DeploymentManifest.of(List.of(), List.of()))
            .manifestDirectory(dir)
            .jar(dir.resolve("none.jar"))
            .build();
    String message =
        assertThrows(
                IllegalArgumentException.class,
                () -> new StatecraftBackend(stack, "Statecraft", props))
            .getMessage();
    assertEquals("no deployable jar at " + dir.resolve("none.jar"), message);
  }

  @Test
  void aStateMachineNameLongerThanStepFunctionsAllows() throws Exception {
    definition("w", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}");
    String message =
        fail(
            DeploymentManifest.of(List.of(workflow("w", List.of(), List.of())), List.of()),
            "s".repeat(79));
    assertTrue(
        message.startsWith("state machine name '" + "s".repeat(79) + "-w' is longer than 80"),
        message);
  }
}
