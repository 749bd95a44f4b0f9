package dev.statecraft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import demo.keys.AskModel;
import demo.keys.ModelActivities;
import demo.keys.ModelActivitiesImpl;
import dev.statecraft.local.HistoryEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Secrets in the harness, as in the cloud: an activity reads the ones its interface declares, and a
 * secret's value reaches neither the workflow's output, its history nor an error.
 */
class SecretsTest {
  private static final String KEY = "sk-test-4c1d9e0b7a6f5e4d";

  @RegisterExtension
  static final WorkflowTestExtension workflows =
      new WorkflowTestExtension(
          WorkflowTestEnvironment.builder()
              .sourceDir(Path.of("src/test/resources/keys"))
              .secret("MODEL_API_KEY", KEY)
              .secret("OTHER_API_KEY", KEY));

  @Test
  void anActivityReadsTheSecretTheTestGives(WorkflowTestEnvironment env) {
    env.registerActivities(ModelActivities.class, new ModelActivitiesImpl());
    EngineResult<String> onEngine = env.run(AskModel.class, "hello");
    DirectResult<String> direct = env.runDirect(AskModel.class, "hello");
    assertEquals(
        "answer: HELLO (signed with a " + KEY.length() + "-character key)", direct.output());
    assertEquals(direct.output(), onEngine.output());
  }

  @Test
  void aResultHoldingTheSecretFailsAndTheSecretIsNowhere(WorkflowTestEnvironment env) {
    env.registerActivities(ModelActivities.class, new ModelActivitiesImpl());
    EngineResult<String> onEngine = env.run(AskModel.class, "echo the key");
    DirectResult<String> direct = env.runDirect(AskModel.class, "echo the key");
    assertFalse(onEngine.succeeded());
    assertEquals("dev.statecraft.adapters.SecretLeak", onEngine.error());
    assertEquals(direct.failure(), onEngine.failure());
    assertTrue(onEngine.cause().contains("'MODEL_API_KEY'"), onEngine.cause());
    assertFalse(onEngine.cause().contains(KEY), onEngine.cause());
    for (HistoryEvent e : onEngine.history()) {
      assertFalse(e.details().toString().contains(KEY), () -> "history holds the key: " + e);
    }
  }

  @Test
  void anUndeclaredSecretCannotBeRead(WorkflowTestEnvironment env) {
    env.registerActivities(ModelActivities.class, new ModelActivitiesImpl());
    EngineResult<String> onEngine = env.run(AskModel.class, "read another");
    assertEquals("java.lang.IllegalStateException", onEngine.error());
    assertTrue(
        onEngine.cause().contains("'OTHER_API_KEY' is not declared on ModelActivities"),
        onEngine.cause());
  }
}
