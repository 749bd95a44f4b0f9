package dev.statecraft.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.langchain4j.model.chat.ChatModel;
import dev.statecraft.llm.ProviderStub.Wire;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The providers pinned apart from the 1.19.0 BOM (Bedrock 1.16.3, Azure OpenAI 1.18.1, Ollama
 * 1.18.1) load and work beside it on one classpath: Ollama answers over its wire format from a
 * local stub, with fallback to an OpenAI-compatible URL; Bedrock and Azure OpenAI are built
 * (calling them needs AWS, or HTTPS).
 */
class PinnedProvidersTest {
  @Test
  void ollamaAnswersOverItsWireAndFallsBackToAnOpenAiCompatibleUrl() throws Exception {
    try (ProviderStub ollama = new ProviderStub(Wire.OLLAMA).usage("llama3.2:1b", 12, 3);
        ProviderStub vllm = new ProviderStub(Wire.OPENAI).usage("qwen2.5-7b", 20, 4)) {
      RouterConfig config =
          RouterConfig.parse(
              "{\"routes\": {\"r\": [\"ollama:llama3.2:1b\", \"vllm:qwen2.5-7b\"]},"
                  + " \"providers\": {\"ollama\": {\"baseUrl\": \""
                  + ollama.baseUrl()
                  + "\"}, \"vllm\": {\"kind\": \"openai\", \"baseUrl\": \""
                  + vllm.baseUrl()
                  + "\", \"apiKeySecret\": \"VLLM_KEY\"}}}",
              Map.of());
      LlmRouter router = LlmRouter.builder(config).secrets(Map.of("VLLM_KEY", "v-test")).build();

      ollama.answer("from ollama");
      Answer a = router.chat("r", "Be brief.", "Hi");
      assertEquals("from ollama", a.text());
      assertEquals(new Usage(12, 3, 0), a.usage());
      assertEquals("/api/chat", ollama.requests().get(0).path());

      ollama.fail(503);
      vllm.answer("from vllm");
      Answer b = router.chat("r", "Be brief.", "Hi");
      assertEquals("from vllm", b.text());
      assertEquals(
          List.of(new Fallback("ollama:llama3.2:1b", "server error (503)")),
          b.choice().fallbacks());
    }
  }

  @Test
  void azureOpenAiIsBuiltBesideTheOthers() {
    // Its client sends keys over HTTPS only, so a plain-HTTP stub cannot answer it here.
    ChatModel azure =
        ChatModels.build(
            new Target("azure-openai", "my-deployment"),
            new ProviderSettings(
                "azure-openai",
                "azure-openai",
                Optional.of("https://example.openai.azure.com/"),
                Optional.of("AZURE_OPENAI_API_KEY"),
                Map.of()),
            Optional.of("az-test"),
            Duration.ofSeconds(5));
    assertEquals("dev.langchain4j.model.azure.AzureOpenAiChatModel", azure.getClass().getName());
  }

  @Test
  void bedrockIsBuiltBesideTheOthers() {
    ChatModel bedrock =
        ChatModels.build(
            new Target("bedrock", "amazon.nova-micro-v1:0"),
            new ProviderSettings(
                "bedrock",
                "bedrock",
                Optional.empty(),
                Optional.empty(),
                Map.of("region", "us-east-1")),
            Optional.empty(),
            Duration.ofSeconds(5));
    assertNotNull(bedrock);
    assertEquals("dev.langchain4j.model.bedrock.BedrockChatModel", bedrock.getClass().getName());
  }
}
