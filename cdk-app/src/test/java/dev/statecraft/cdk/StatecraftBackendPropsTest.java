package dev.statecraft.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statecraft.manifest.DeploymentManifest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.logs.RetentionDays;

class StatecraftBackendPropsTest {
  private static StatecraftBackendProps.Builder triage() {
    return StatecraftBackendProps.builder()
        .manifestFile(Fixtures.manifest("support-triage"))
        .jar(Path.of("app.jar"));
  }

  @Test
  void readsTheManifestAndResolvesPathsAgainstItsFolder() {
    StatecraftBackendProps props = triage().build();
    assertEquals(DeploymentManifest.read(Fixtures.manifest("support-triage")), props.manifest());
    assertEquals(
        Fixtures.manifest("support-triage").toAbsolutePath().getParent(),
        props.manifestDirectory());
    assertEquals(RetentionDays.ONE_MONTH, props.logRetention());
    assertEquals(Map.of(), props.environmentOverrides());
  }

  @Test
  void keepsOverridesOfDeclaredVariables() {
    StatecraftBackendProps props =
        triage().environmentOverride("STATECRAFT_SMALL_MODEL", "tiny").build();
    assertEquals(Map.of("STATECRAFT_SMALL_MODEL", "tiny"), props.environmentOverrides());
    assertEquals(props, props.toBuilder().build());
  }

  @Test
  void refusesAnOverrideOfAVariableNoActivityDeclares() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> triage().environmentOverride("NOPE", "x").build());
    assertTrue(e.getMessage().startsWith("no activity declares @Env 'NOPE'"), e.getMessage());
  }

  @Test
  void refusesASecretAsAnOverride() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> triage().environmentOverride("TICKETS_WEBHOOK_SECRET", "whsec_x").build());
    assertTrue(e.getMessage().contains("is a secret"), e.getMessage());
  }

  @Test
  void refusesAPrefixThatCannotStartAName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> triage().namePrefix("my/app").build());
    assertTrue(e.getMessage().startsWith("name prefix 'my/app'"), e.getMessage());
  }
}
