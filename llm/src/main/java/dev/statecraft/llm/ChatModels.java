package dev.statecraft.llm;

import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the LangChain4j chat model of a target. Each provider's builder sits in its own nested
 * class, loaded only after the provider's classes are found, so a missing optional module is a
 * {@link MissingProvider} naming the artifact, never a {@code NoClassDefFoundError}. Every model
 * gets {@code maxRetries(0)}: the router, not the library, decides what happens after a failure.
 */
final class ChatModels {
  private record Module(String probeClass, String artifact) {}

  private static final Map<String, Module> MODULES =
      Map.of(
          "openai",
              new Module(
                  "dev.langchain4j.model.openai.OpenAiChatModel",
                  "dev.langchain4j:langchain4j-open-ai:1.19.0"),
          "anthropic",
              new Module(
                  "dev.langchain4j.model.anthropic.AnthropicChatModel",
                  "dev.langchain4j:langchain4j-anthropic:1.19.0"),
          "gemini",
              new Module(
                  "dev.langchain4j.model.googleai.GoogleAiGeminiChatModel",
                  "dev.langchain4j:langchain4j-google-ai-gemini:1.19.0"),
          "bedrock",
              new Module(
                  "dev.langchain4j.model.bedrock.BedrockChatModel",
                  "dev.langchain4j:langchain4j-bedrock:1.16.3 (with commons-logging:commons-logging)"),
          "azure-openai",
              new Module(
                  "dev.langchain4j.model.azure.AzureOpenAiChatModel",
                  "dev.langchain4j:langchain4j-azure-open-ai:1.18.1"),
          "ollama",
              new Module(
                  "dev.langchain4j.model.ollama.OllamaChatModel",
                  "dev.langchain4j:langchain4j-ollama:1.18.1"));

  private ChatModels() {}

  /** The model for {@code target} on {@code provider}, with {@code key} when it needs one. */
  static ChatModel build(
      Target target, ProviderSettings provider, Optional<String> key, Duration timeout) {
    return build(target, provider, key, timeout, ChatModels.class.getClassLoader());
  }

  /** Like the above, with the provider's classes looked for on {@code classes}. */
  static ChatModel build(
      Target target,
      ProviderSettings provider,
      Optional<String> key,
      Duration timeout,
      ClassLoader classes) {
    String kind = provider.kind();
    if (kind.equals("local")) {
      return new LocalStandIn(target.model());
    }
    Module module = MODULES.get(kind);
    if (module == null) {
      throw new IllegalArgumentException(
          "provider '"
              + provider.name()
              + "' has unknown kind '"
              + kind
              + "'; kinds: "
              + new java.util.TreeSet<>(MODULES.keySet())
              + " and local");
    }
    if (!present(module.probeClass(), classes)) {
      throw new MissingProvider(
          "target "
              + target
              + " needs LangChain4j's "
              + kind
              + " module, which is not on the classpath: add the dependency "
              + module.artifact());
    }
    String base = provider.baseUrl().orElse(null);
    String k = key.orElse(null);
    return switch (kind) {
      case "openai" -> OpenAi.build(target.model(), base, k, timeout);
      case "anthropic" -> Anthropic.build(target.model(), base, k, timeout, provider.options());
      case "gemini" -> Gemini.build(target.model(), base, k, timeout);
      case "bedrock" -> Bedrock.build(target.model(), timeout, provider.options());
      case "azure-openai" -> Azure.build(target.model(), base, k, timeout, provider.options());
      case "ollama" -> Ollama.build(target.model(), base, timeout);
      default -> throw new IllegalStateException(kind);
    };
  }

  private static boolean present(String className, ClassLoader classes) {
    try {
      Class.forName(className, false, classes);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static final class OpenAi {
    static ChatModel build(String model, String base, String key, Duration timeout) {
      return dev.langchain4j.model.openai.OpenAiChatModel.builder()
          .baseUrl(base)
          .apiKey(key)
          .modelName(model)
          .timeout(timeout)
          .maxRetries(0)
          .build();
    }
  }

  private static final class Anthropic {
    static ChatModel build(
        String model, String base, String key, Duration timeout, Map<String, String> options) {
      var b =
          dev.langchain4j.model.anthropic.AnthropicChatModel.builder()
              .apiKey(key)
              .modelName(model)
              .maxTokens(Integer.parseInt(options.getOrDefault("maxTokens", "1024")))
              .timeout(timeout)
              .maxRetries(0);
      if (base != null) {
        b.baseUrl(base);
      }
      return b.build();
    }
  }

  private static final class Gemini {
    static ChatModel build(String model, String base, String key, Duration timeout) {
      var b =
          dev.langchain4j.model.googleai.GoogleAiGeminiChatModel.builder()
              .apiKey(key)
              .modelName(model)
              .timeout(timeout)
              .maxRetries(0);
      if (base != null) {
        b.baseUrl(base);
      }
      return b.build();
    }
  }

  private static final class Bedrock {
    static ChatModel build(String model, Duration timeout, Map<String, String> options) {
      var b =
          dev.langchain4j.model.bedrock.BedrockChatModel.builder()
              .modelId(model)
              .timeout(timeout)
              .maxRetries(0);
      String region = options.getOrDefault("region", System.getenv("AWS_REGION"));
      if (region != null && !region.isBlank()) {
        b.region(software.amazon.awssdk.regions.Region.of(region));
      }
      return b.build();
    }
  }

  private static final class Azure {
    static ChatModel build(
        String deployment,
        String endpoint,
        String key,
        Duration timeout,
        Map<String, String> options) {
      var b =
          dev.langchain4j.model.azure.AzureOpenAiChatModel.builder()
              .endpoint(endpoint)
              .apiKey(key)
              .deploymentName(deployment)
              .timeout(timeout)
              .maxRetries(0);
      if (options.containsKey("serviceVersion")) {
        b.serviceVersion(options.get("serviceVersion"));
      }
      return b.build();
    }
  }

  private static final class Ollama {
    static ChatModel build(String model, String base, Duration timeout) {
      return dev.langchain4j.model.ollama.OllamaChatModel.builder()
          .maxRetries(0)
          .baseUrl(base)
          .modelName(model)
          .timeout(timeout)
          .build();
    }
  }
}
