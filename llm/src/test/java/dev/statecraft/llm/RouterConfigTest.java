package dev.statecraft.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterConfigTest {
  private static final String JSON =
      "{\"routes\": {"
          + "\"fast\": [\"openai:${FAST_MODEL:-gpt-4o-mini}\", \"local:small\"],"
          + "\"deep-think\": [\"anthropic:claude-sonnet-4-0\", \"ollama:llama3.2:1b\"]},"
          + "\"providers\": {\"groq\": {\"kind\": \"openai\", \"baseUrl\":"
          + " \"https://api.groq.com/openai/v1\", \"apiKeySecret\": \"GROQ_API_KEY\"}},"
          + "\"cooldown\": \"PT1M\"}";

  @Test
  void readsRoutesInOrderWithWellKnownProvidersAndDefaults() {
    RouterConfig c = RouterConfig.parse(JSON, Map.of());
    assertEquals(
        List.of(new Target("openai", "gpt-4o-mini"), new Target("local", "small")),
        c.routes().get("fast"));
    assertEquals(new Target("ollama", "llama3.2:1b"), c.routes().get("deep-think").get(1));
    assertEquals(Duration.ofMinutes(1), c.cooldown());
    assertEquals(Duration.ofSeconds(60), c.timeout());
    assertEquals(Optional.of("OPENAI_API_KEY"), c.providers().get("openai").apiKeySecret());
    assertEquals(Optional.of("https://api.openai.com/v1"), c.providers().get("openai").baseUrl());
    assertEquals(Optional.empty(), c.providers().get("ollama").apiKeySecret());
    assertEquals("openai", c.providers().get("groq").kind());
  }

  @Test
  void theEnvironmentFillsVariablesAndReplacesRoutes() {
    RouterConfig c =
        RouterConfig.parse(
            JSON,
            Map.of(
                "FAST_MODEL", "gpt-4.1-nano",
                "OPENAI_BASE_URL", "http://proxy:8080/v1",
                "STATECRAFT_LLM_ROUTE_DEEP_THINK", "groq:llama-3.3-70b, local:large"));
    assertEquals(new Target("openai", "gpt-4.1-nano"), c.routes().get("fast").get(0));
    assertEquals(Optional.of("http://proxy:8080/v1"), c.providers().get("openai").baseUrl());
    assertEquals(
        List.of(new Target("groq", "llama-3.3-70b"), new Target("local", "large")),
        c.routes().get("deep-think"));
  }

  @Test
  void refusesUnknownProvidersAndBadTargetsWithTheReason() {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> RouterConfig.parse("{\"routes\": {\"r\": [\"acme:m1\"]}}", Map.of()));
    assertTrue(unknown.getMessage().contains("names provider 'acme'"), unknown.getMessage());
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () -> RouterConfig.parse("{\"routes\": {\"r\": [\"gpt-4o\"]}}", Map.of()));
    assertEquals(
        "a target is 'provider:model' (such as 'openai:gpt-4o-mini'), got 'gpt-4o'",
        bad.getMessage());
  }

  @Test
  void findsTheFileNamedByTheEnvironmentFirst(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("routes.json");
    Files.writeString(file, "{\"routes\": {\"only\": [\"local:small\"]}}");
    RouterConfig c =
        RouterConfig.find(
            getClass().getClassLoader(), Map.of(RouterConfig.CONFIG_ENV, file.toString()));
    assertEquals(List.of("only"), List.copyOf(c.routes().keySet()));
  }

  @Test
  void findsTheClasspathResourceAndSaysWhereToPutOne() {
    RouterConfig c = RouterConfig.find(getClass().getClassLoader(), Map.of());
    assertTrue(c.routes().containsKey("from-classpath"));
    IllegalStateException none =
        assertThrows(
            IllegalStateException.class,
            () -> RouterConfig.find(new ClassLoader(null) {}, Map.of()));
    assertTrue(none.getMessage().contains("src/main/resources"), none.getMessage());
  }

  @Test
  void thePriceTableNamesItsSourceAndPricesPerMillion() throws Exception {
    String table =
        new String(
            PriceTable.class.getResourceAsStream("prices.json").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(table.contains("\"recorded\": \"2026-12-02\""));
    assertTrue(table.contains("https://platform.openai.com/docs/pricing"));
    assertEquals(
        new Usage(1_000_000, 1_000_000, 0.15 + 0.60),
        PriceTable.builtIn().usage(new Target("openai", "gpt-4o-mini"), 1_000_000, 1_000_000));
    assertEquals(0, PriceTable.builtIn().usage(new Target("acme", "x"), 10, 10).usd());
  }
}
