package dev.statecraft.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.llm.ProviderStub.Wire;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The router against real LangChain4j clients talking to local stubs of each provider's API:
 * fallback order, what is and is not fallen back on, cooldowns, keys, the offline stand-in and the
 * recorded choice.
 */
class LlmRouterTest {
  private static final Map<String, String> KEYS =
      Map.of(
          "OPENAI_API_KEY", "sk-test-openai",
          "ANTHROPIC_API_KEY", "sk-ant-test",
          "GEMINI_API_KEY", "gm-test",
          "BACKUP_KEY", "bk-test");

  private ProviderStub openai;
  private ProviderStub anthropic;
  private ProviderStub gemini;
  private ProviderStub backup;
  private final MutableClock clock = new MutableClock();

  @BeforeEach
  void stubs() throws Exception {
    openai = new ProviderStub(Wire.OPENAI).usage("gpt-4o-mini-2024-07-18", 1000, 500);
    anthropic = new ProviderStub(Wire.ANTHROPIC).usage("claude-3-5-haiku-20241022", 2000, 100);
    gemini = new ProviderStub(Wire.GEMINI).usage("gemini-2.0-flash", 300, 30);
    backup = new ProviderStub(Wire.OPENAI).usage("llama-3.1-8b-instant", 40, 2);
  }

  @AfterEach
  void stop() {
    openai.close();
    anthropic.close();
    gemini.close();
    backup.close();
  }

  private RouterConfig config(String routes) {
    return config(routes, "PT5S");
  }

  private RouterConfig config(String routes, String timeout) {
    return RouterConfig.parse(
        "{\"routes\": "
            + routes
            + ", \"providers\": {"
            + "\"openai\": {\"baseUrl\": \""
            + openai.baseUrl()
            + "\"},"
            + "\"anthropic\": {\"baseUrl\": \""
            + anthropic.baseUrl()
            + "\"},"
            + "\"gemini\": {\"baseUrl\": \""
            + gemini.baseUrl()
            + "\"},"
            + "\"backup\": {\"kind\": \"openai\", \"baseUrl\": \""
            + backup.baseUrl()
            + "\", \"apiKeySecret\": \"BACKUP_KEY\"}},"
            + "\"cooldown\": \"PT30S\", \"timeout\": \""
            + timeout
            + "\","
            + "\"prices\": {\"backup:llama-3.1-8b-instant\": {\"input\": 0.05, \"output\": 0.08}}}",
        Map.of());
  }

  private LlmRouter router(String routes) {
    return LlmRouter.builder(config(routes)).clock(clock).secrets(KEYS).build();
  }

  private static final String FAST =
      "{\"fast\": [\"openai:gpt-4o-mini\", \"anthropic:claude-3-5-haiku-latest\","
          + " \"backup:llama-3.1-8b-instant\"]}";

  @Test
  void answersFromTheFirstTargetOverTheOpenAiWire() throws Exception {
    openai.answer("hello from openai");
    Answer a = router(FAST).chat("fast", "Be brief.", "Say hello");

    assertEquals("hello from openai", a.text());
    assertEquals("gpt-4o-mini-2024-07-18", a.modelName());
    assertEquals(new ModelChoice("fast", "openai:gpt-4o-mini", List.of(), a.usage()), a.choice());
    assertEquals(1000, a.usage().inputTokens());
    assertEquals(500, a.usage().outputTokens());
    // gpt-4o-mini: $0.15 in, $0.60 out per million tokens.
    assertEquals(0.00015 + 0.0003, a.usage().usd(), 1e-12);
    ProviderStub.Request sent = openai.requests().get(0);
    assertEquals("/v1/chat/completions", sent.path());
    assertEquals("Bearer sk-test-openai", sent.header("Authorization"));
    var body = new ObjectMapper().readTree(sent.body());
    assertEquals("gpt-4o-mini", body.path("model").asText());
    assertEquals("system", body.path("messages").path(0).path("role").asText());
    assertEquals("Say hello", body.path("messages").path(1).path("content").asText());
  }

  @Test
  void fallsBackInRouteOrderOnRateLimitsAndServerErrors() {
    openai.fail(429);
    anthropic.fail(503);
    backup.answer("from the backup");
    Answer a = router(FAST).chat("fast", "Be brief.", "Say hello");

    assertEquals("from the backup", a.text());
    assertEquals(
        List.of(
            new Fallback("openai:gpt-4o-mini", "rate limited (429)"),
            new Fallback("anthropic:claude-3-5-haiku-latest", "server error (503)")),
        a.choice().fallbacks());
    assertEquals("backup:llama-3.1-8b-instant", a.choice().model());
    assertEquals((40 * 0.05 + 2 * 0.08) / 1e6, a.usage().usd(), 1e-15);
    assertEquals(1, openai.requests().size());
    assertEquals(1, anthropic.requests().size());
    ProviderStub.Request toAnthropic = anthropic.requests().get(0);
    assertEquals("/v1/messages", toAnthropic.path());
    assertEquals("sk-ant-test", toAnthropic.header("x-api-key"));
    assertEquals("Bearer bk-test", backup.requests().get(0).header("Authorization"));
  }

  @Test
  void anthropicAnswersOverItsOwnWire() {
    anthropic.answer("hello from claude");
    Answer a =
        router("{\"r\": [\"anthropic:claude-3-5-haiku-latest\"]}").chat("r", "Be brief.", "Hi");
    assertEquals("hello from claude", a.text());
    assertEquals("claude-3-5-haiku-20241022", a.modelName());
    assertEquals(new Usage(2000, 100, (2000 * 0.80 + 100 * 4.00) / 1e6), a.usage());
    assertTrue(anthropic.requests().get(0).body().contains("\"system\""));
  }

  @Test
  void geminiAnswersOverItsOwnWireAndFallsBackOn500() {
    gemini.fail(500).answer("hello from gemini");
    LlmRouter router = router("{\"g\": [\"gemini:gemini-2.0-flash\", \"openai:gpt-4o-mini\"]}");
    openai.answer("openai instead");
    Answer first = router.chat("g", "Be brief.", "Hi");
    assertEquals("openai instead", first.text());
    assertEquals(
        List.of(new Fallback("gemini:gemini-2.0-flash", "server error (500)")),
        first.choice().fallbacks());

    clock.advance(Duration.ofSeconds(31));
    Answer second = router.chat("g", "Be brief.", "Hi");
    assertEquals("hello from gemini", second.text());
    assertEquals(new Usage(300, 30, (300 * 0.10 + 30 * 0.40) / 1e6), second.usage());
    assertTrue(
        gemini
            .requests()
            .get(1)
            .path()
            .startsWith("/v1beta/models/gemini-2.0-flash:generateContent"),
        gemini.requests().get(1).path());
  }

  @Test
  void fallsBackOnATimeout() {
    openai.slow(1_500, "too late");
    anthropic.answer("in time");
    LlmRouter router = LlmRouter.builder(config(FAST, "PT0.5S")).clock(clock).secrets(KEYS).build();
    Answer a = router.chat("fast", "Be brief.", "Hi");
    assertEquals("in time", a.text());
    assertEquals(List.of(new Fallback("openai:gpt-4o-mini", "timeout")), a.choice().fallbacks());
  }

  @Test
  void aBadRequestOrABadKeyIsNotFallenBackOn() {
    LlmRouter router = router(FAST);
    openai.fail(400);
    ModelRequestRejected bad =
        assertThrows(ModelRequestRejected.class, () -> router.chat("fast", "s", "u"));
    assertTrue(
        bad.getMessage().startsWith("openai:gpt-4o-mini refused the request on route 'fast': 400"),
        bad.getMessage());

    openai.fail(401);
    assertThrows(ModelRequestRejected.class, () -> router.chat("fast", "s", "u"));
    assertEquals(0, anthropic.requests().size(), "no fallback on 4xx");
    assertEquals(0, backup.requests().size());
    assertFalse(bad.getMessage().contains("sk-test-openai"));
  }

  @Test
  void aKeyTheProviderQuotesInARefusalIsWithheld() {
    openai.failQuoting(401, "Incorrect API key provided: sk-test-openai");
    ModelRequestRejected e =
        assertThrows(ModelRequestRejected.class, () -> router(FAST).chat("fast", "s", "u"));
    assertFalse(e.getMessage().contains("sk-test-openai"), e.getMessage());
    assertTrue(
        e.getMessage().contains("Incorrect API key provided: [key withheld]"), e.getMessage());
    assertEquals(null, e.getCause());
  }

  @Test
  void aProviderWhoseModuleIsMissingIsAnErrorNamingTheArtifact() {
    ProviderSettings anthropicSettings = config(FAST).providers().get("anthropic");
    MissingProvider e =
        assertThrows(
            MissingProvider.class,
            () ->
                ChatModels.build(
                    new Target("anthropic", "claude-3-5-haiku-latest"),
                    anthropicSettings,
                    java.util.Optional.of("k"),
                    Duration.ofSeconds(1),
                    new ClassLoader(null) {}));
    assertEquals(
        "target anthropic:claude-3-5-haiku-latest needs LangChain4j's anthropic module, which is"
            + " not on the classpath: add the dependency dev.langchain4j:langchain4j-anthropic:1.19.0",
        e.getMessage());
  }

  @Test
  void aFailedTargetCoolsDownThenIsTriedAgain() {
    LlmRouter router = router(FAST);
    openai.fail(429);
    anthropic.answer("one").answer("two").answer("three");
    router.chat("fast", "s", "u");

    clock.advance(Duration.ofSeconds(29));
    Answer during = router.chat("fast", "s", "u");
    assertEquals("two", during.text());
    assertEquals(1, openai.requests().size(), "cooling target not called");
    assertEquals(
        List.of(new Fallback("openai:gpt-4o-mini", "cooling down until 2026-12-02T12:00:30Z")),
        during.choice().fallbacks());

    clock.advance(Duration.ofSeconds(1));
    openai.answer("openai again");
    Answer after = router.chat("fast", "s", "u");
    assertEquals("openai again", after.text());
    assertEquals(List.of(), after.choice().fallbacks());
    assertEquals(2, openai.requests().size());
  }

  @Test
  void whenEveryTargetIsCoolingTheyAreAskedOnceMoreRatherThanNotAtAll() {
    LlmRouter router =
        router("{\"r\": [\"openai:gpt-4o-mini\", \"anthropic:claude-3-5-haiku-latest\"]}");
    openai.fail(500);
    anthropic.fail(429);
    ModelsUnavailable none =
        assertThrows(ModelsUnavailable.class, () -> router.chat("r", "s", "u"));
    assertEquals(
        "no target of route 'r' answered: openai:gpt-4o-mini (server error (500));"
            + " anthropic:claude-3-5-haiku-latest (rate limited (429))",
        none.getMessage());

    openai.answer("recovered");
    Answer a = router.chat("r", "s", "u");
    assertEquals("recovered", a.text());
    assertEquals("openai:gpt-4o-mini", a.choice().model());
    assertEquals(
        List.of(
            new Fallback(
                "anthropic:claude-3-5-haiku-latest", "cooling down until 2026-12-02T12:00:30Z")),
        a.choice().fallbacks(),
        "the target that answered is no fallback; the other is still cooling down");
  }

  @Test
  void targetsWithoutAKeyArePassedOverAndTheStandInServesOnlyOffline() {
    String routes = "{\"small\": [\"openai:gpt-4o-mini\", \"local:small\"]}";
    LlmRouter offline = LlmRouter.builder(config(routes)).clock(clock).secrets(Map.of()).build();
    Answer a =
        offline.chat("small", "Classify the ticket.", "Refund please\n\nI was charged twice");
    assertEquals("{\"category\": \"billing\", \"confidence\": 0.85}", a.text());
    assertEquals("local-stand-in/small", a.modelName());
    assertEquals(
        new ModelChoice(
            "small",
            "local:small",
            List.of(new Fallback("openai:gpt-4o-mini", "no key: OPENAI_API_KEY has no value")),
            new Usage(9, 4, 0)),
        a.choice());
    assertEquals(0, openai.requests().size());

    LlmRouter online = router(routes);
    openai.fail(503);
    ModelsUnavailable e =
        assertThrows(ModelsUnavailable.class, () -> online.chat("small", "Classify it.", "x"));
    assertTrue(
        e.getMessage().contains("local:small (stand-in skipped: a real target is configured)"),
        e.getMessage());
  }

  @Test
  void theRecordedChoiceRoundTripsThroughJson() throws Exception {
    openai.fail(429);
    anthropic.answer("ok");
    ModelChoice choice = router(FAST).chat("fast", "s", "u").choice();
    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString(choice);
    assertEquals(choice, json.readValue(text, ModelChoice.class));
    assertTrue(
        text.contains(
            "\"fallbacks\":[{\"target\":\"openai:gpt-4o-mini\",\"reason\":\"rate limited (429)\"}]"),
        text);
  }

  @Test
  void anUnknownRouteNamesTheRoutesThereAre() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> router(FAST).chat("slow", "s", "u"));
    assertEquals("no route 'slow'; the config has [fast]", e.getMessage());
  }
}
