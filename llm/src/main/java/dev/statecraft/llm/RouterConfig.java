package dev.statecraft.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's routes, read from {@code statecraft-llm.json}:
 *
 * <pre>{@code
 * {
 *   "routes": {
 *     "fast":      ["openai:gpt-4o-mini", "anthropic:claude-3-5-haiku-latest", "local:small"],
 *     "reasoning": ["anthropic:claude-sonnet-4-0", "openai:gpt-4.1", "local:large"]
 *   },
 *   "providers": {
 *     "groq": {"kind": "openai", "baseUrl": "https://api.groq.com/openai/v1", "apiKeySecret": "GROQ_API_KEY"}
 *   },
 *   "cooldown": "PT30S",
 *   "timeout": "PT60S",
 *   "prices": {"groq:llama-3.1-8b-instant": {"input": 0.05, "output": 0.08}}
 * }
 * }</pre>
 *
 * <p>Every string may use {@code ${NAME}} or {@code ${NAME:-default}} for an environment variable.
 * The environment variable {@code STATECRAFT_LLM_ROUTE_FAST=openai:gpt-4.1-mini,local:small}
 * replaces the route {@code fast} (upper case, {@code -} as {@code _}).
 *
 * @param routes each route's targets, in the order they are tried
 * @param providers every provider a target names, well-known ones with their defaults
 * @param cooldown how long a target that failed with a rate limit, timeout or server error is
 *     passed over
 * @param timeout how long one model call may take
 * @param prices the price table, the built-in one with the project's entries
 */
public record RouterConfig(
    Map<String, List<Target>> routes,
    Map<String, ProviderSettings> providers,
    Duration cooldown,
    Duration timeout,
    PriceTable prices) {
  /** The file name looked for in the working directory and on the classpath. */
  public static final String FILE_NAME = "statecraft-llm.json";

  /** The environment variable naming a config file, which then wins. */
  public static final String CONFIG_ENV = "STATECRAFT_LLM_CONFIG";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");
  private static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(30);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public RouterConfig {
    routes = Map.copyOf(routes);
    providers = Map.copyOf(providers);
    for (Map.Entry<String, List<Target>> r : routes.entrySet()) {
      if (r.getValue().isEmpty()) {
        throw new IllegalArgumentException("route '" + r.getKey() + "' has no targets");
      }
      for (Target t : r.getValue()) {
        if (!providers.containsKey(t.provider())) {
          throw new IllegalArgumentException(
              "route '"
                  + r.getKey()
                  + "' names provider '"
                  + t.provider()
                  + "', which is neither well-known (openai, anthropic, gemini, bedrock,"
                  + " azure-openai, ollama, local) nor declared under \"providers\"");
        }
      }
    }
  }

  /**
   * Finds and reads the project's config: the file {@code $STATECRAFT_LLM_CONFIG}, else {@code
   * statecraft-llm.json} on the classpath of {@code loader} (put it in {@code src/main/resources}
   * so it ships in the function package), else in the working directory.
   *
   * @throws IllegalStateException when there is none
   */
  public static RouterConfig find(ClassLoader loader, Map<String, String> env) {
    String named = env.get(CONFIG_ENV);
    if (named != null && !named.isBlank()) {
      return read(Path.of(named), env);
    }
    try (InputStream in = loader.getResourceAsStream(FILE_NAME)) {
      if (in != null) {
        return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), env);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path local = Path.of(FILE_NAME);
    if (Files.isRegularFile(local)) {
      return read(local, env);
    }
    throw new IllegalStateException(
        "no model routes: put "
            + FILE_NAME
            + " in src/main/resources (or the working directory), or set "
            + CONFIG_ENV
            + " to its path");
  }

  /** Reads the config file {@code file}. */
  public static RouterConfig read(Path file, Map<String, String> env) {
    try {
      return parse(Files.readString(file), env);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses config JSON, with {@code env} for {@code ${NAME}} and route overrides. */
  public static RouterConfig parse(String json, Map<String, String> env) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.path("routes").isObject()) {
      throw new IllegalArgumentException("expected an object with \"routes\"");
    }
    Map<String, List<Target>> routes = new LinkedHashMap<>();
    root.path("routes")
        .fields()
        .forEachRemaining(
            e -> {
              List<Target> targets = new ArrayList<>();
              for (JsonNode t : e.getValue()) {
                targets.add(Target.parse(expand(t.asText(), env)));
              }
              routes.put(e.getKey(), targets);
            });
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getKey().startsWith("STATECRAFT_LLM_ROUTE_") && !e.getValue().isBlank()) {
        String suffix = e.getKey().substring("STATECRAFT_LLM_ROUTE_".length());
        String route =
            routes.keySet().stream()
                .filter(r -> envName(r).equals(suffix))
                .findFirst()
                .orElse(suffix.toLowerCase(Locale.ROOT).replace('_', '-'));
        List<Target> targets = new ArrayList<>();
        for (String t : e.getValue().split(",")) {
          targets.add(Target.parse(t));
        }
        routes.put(route, targets);
      }
    }
    Map<String, ProviderSettings> providers = new LinkedHashMap<>();
    root.path("providers")
        .fields()
        .forEachRemaining(e -> providers.put(e.getKey(), provider(e.getKey(), e.getValue(), env)));
    for (List<Target> targets : routes.values()) {
      for (Target t : targets) {
        if (!providers.containsKey(t.provider())) {
          ProviderSettings.wellKnown(t.provider(), env).ifPresent(p -> providers.put(p.name(), p));
        }
      }
    }
    PriceTable prices = PriceTable.builtIn();
    if (root.path("prices").isObject()) {
      prices = prices.with(root.path("prices"));
    }
    return new RouterConfig(
        routes,
        providers,
        duration(root, "cooldown", DEFAULT_COOLDOWN),
        duration(root, "timeout", DEFAULT_TIMEOUT),
        prices);
  }

  /** The route's targets. */
  List<Target> route(String name) {
    List<Target> targets = routes.get(name);
    if (targets == null) {
      throw new IllegalArgumentException(
          "no route '" + name + "'; the config has " + new java.util.TreeSet<>(routes.keySet()));
    }
    return targets;
  }

  /** This config with {@code cooldown} in place of its own. */
  public RouterConfig withCooldown(Duration cooldown) {
    return new RouterConfig(routes, providers, cooldown, timeout, prices);
  }

  /** The environment variable suffix of a route name. */
  static String envName(String route) {
    return route.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static ProviderSettings provider(String name, JsonNode node, Map<String, String> env) {
    ProviderSettings known = ProviderSettings.wellKnown(name, env).orElse(null);
    String kind = text(node, "kind", env).orElse(known == null ? null : known.kind());
    if (kind == null) {
      throw new IllegalArgumentException(
          "provider '" + name + "' needs a \"kind\" (openai for any OpenAI-compatible URL)");
    }
    Map<String, String> options = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            f -> {
              if (!List.of("kind", "baseUrl", "apiKeySecret").contains(f.getKey())) {
                options.put(f.getKey(), expand(f.getValue().asText(), env));
              }
            });
    return new ProviderSettings(
        name,
        kind,
        text(node, "baseUrl", env).or(() -> known == null ? Optional.empty() : known.baseUrl()),
        text(node, "apiKeySecret", env)
            .or(() -> known == null ? Optional.empty() : known.apiKeySecret()),
        options);
  }

  private static Optional<String> text(JsonNode node, String field, Map<String, String> env) {
    JsonNode v = node.get(field);
    return v == null || v.isNull()
        ? Optional.empty()
        : Optional.of(expand(v.asText(), env)).filter(s -> !s.isEmpty());
  }

  private static Duration duration(JsonNode root, String field, Duration fallback) {
    JsonNode v = root.get(field);
    if (v == null) {
      return fallback;
    }
    try {
      return Duration.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "\"" + field + "\" is an ISO-8601 duration such as \"PT30S\", got '" + v.asText() + "'");
    }
  }

  /** {@code ${NAME}} and {@code ${NAME:-default}} replaced from {@code env}. */
  static String expand(String text, Map<String, String> env) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.get(m.group(1));
      if (value == null || value.isEmpty()) {
        value = m.group(3) == null ? "" : m.group(3);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
