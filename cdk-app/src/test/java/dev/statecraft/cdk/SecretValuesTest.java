package dev.statecraft.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No secret's value reaches a template. The build runs the tests with a sentinel value in an
 * environment variable named after each fixture secret (see this module's pom): if anything read a
 * secret from the environment, the sentinel would show up.
 */
class SecretValuesTest {
  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void templatesNameSecretsButHoldNoValue(String fixture) {
    Fixtures.Synthesized s = Fixtures.synth(fixture);
    String template = s.json();
    assertFalse(s.manifest().secrets().isEmpty(), fixture + " has secrets to leak");
    for (String name : s.manifest().secrets()) {
      String sentinel = System.getenv(name);
      assertNotNull(sentinel, "the pom sets a sentinel value for " + name);
      assertTrue(template.contains(name), "the template names " + name);
      assertFalse(template.contains(sentinel), "the value of " + name + " is in the template");
    }
  }

  @Test
  void anOverrideReachesEveryFunctionDeclaringItAndNoSecretDoes(@TempDir Path dir)
      throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        StatecraftCdkApp.run(
            new String[] {
              "--manifest", Fixtures.manifest("support-triage").toString(),
              "--jar", Fixtures.jar().toString(),
              "--out", dir.resolve("cdk.out").toString(),
              "--env", "STATECRAFT_LARGE_MODEL=gpt-override-from-the-command-line"
            },
            new PrintWriter(out),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    Path templateFile = dir.resolve("cdk.out").resolve("statecraft-support-triage.template.json");
    String template = Files.readString(templateFile);
    assertFalse(template.contains(System.getenv("OPENAI_API_KEY")), "a secret value leaked");
    assertTrue(template.contains("statecraft-support-triage/OPENAI_API_KEY"));

    List<String> largeModels = new ArrayList<>();
    for (JsonNode resource : new ObjectMapper().readTree(template).get("Resources")) {
      JsonNode variables = resource.path("Properties").path("Environment").path("Variables");
      if (variables.has("STATECRAFT_LARGE_MODEL")) {
        largeModels.add(variables.get("STATECRAFT_LARGE_MODEL").asText());
        assertEquals("gpt-4o-mini", variables.get("STATECRAFT_SMALL_MODEL").asText());
      }
    }
    assertEquals(
        List.of("gpt-override-from-the-command-line", "gpt-override-from-the-command-line"),
        largeModels,
        "both functions declaring the variable get the override");
  }

  @Test
  void aSecretCannotBePassedAsAnEnvironmentOverride(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code =
        StatecraftCdkApp.run(
            new String[] {
              "--manifest", Fixtures.manifest("support-triage").toString(),
              "--jar", Fixtures.jar().toString(),
              "--out", dir.resolve("cdk.out").toString(),
              "--env", "OPENAI_API_KEY=" + System.getenv("OPENAI_API_KEY")
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(1, code);
    assertTrue(err.toString().contains("'OPENAI_API_KEY' is a secret"), err.toString());
    assertFalse(
        Files.exists(dir.resolve("cdk.out").resolve("statecraft-support-triage.template.json")));
  }
}
