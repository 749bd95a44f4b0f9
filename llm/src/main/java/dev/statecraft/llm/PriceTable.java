package dev.statecraft.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per model, in US dollars per million input and output tokens, keyed by target ({@code
 * openai:gpt-4o-mini}). The built-in table is {@code dev/statecraft/llm/prices.json} (with the
 * address of each provider's price page and the date it was recorded); a project's {@code "prices"}
 * add to it or replace entries.
 */
public final class PriceTable {
  /** Dollars per million tokens. */
  public record Price(double inputPerMillion, double outputPerMillion) {}

  private final Map<String, Price> prices;

  private PriceTable(Map<String, Price> prices) {
    this.prices = Map.copyOf(prices);
  }

  /** The built-in table. */
  public static PriceTable builtIn() {
    try (InputStream in = PriceTable.class.getResourceAsStream("prices.json")) {
      if (in == null) {
        throw new IllegalStateException("dev/statecraft/llm/prices.json is missing from the jar");
      }
      return new PriceTable(read(new ObjectMapper().readTree(in).path("models")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * This table with the entries of a {@code {"provider:model": {"input": x, "output": y}}} object.
   */
  PriceTable with(JsonNode models) {
    Map<String, Price> all = new HashMap<>(prices);
    all.putAll(read(models));
    return new PriceTable(all);
  }

  /** The price of {@code target}, when listed. */
  public Optional<Price> price(Target target) {
    return Optional.ofNullable(prices.get(target.toString()));
  }

  /** What {@code inputTokens} and {@code outputTokens} on {@code target} cost; 0 when unlisted. */
  public Usage usage(Target target, long inputTokens, long outputTokens) {
    double usd =
        price(target)
            .map(
                p ->
                    (inputTokens * p.inputPerMillion() + outputTokens * p.outputPerMillion()) / 1e6)
            .orElse(0.0);
    return new Usage(inputTokens, outputTokens, usd);
  }

  private static Map<String, Price> read(JsonNode models) {
    Map<String, Price> out = new HashMap<>();
    models
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode p = e.getValue();
              if (!p.path("input").isNumber() || !p.path("output").isNumber()) {
                throw new IllegalArgumentException(
                    "price of '" + e.getKey() + "' needs numbers \"input\" and \"output\"");
              }
              Target.parse(e.getKey());
              out.put(
                  e.getKey(), new Price(p.path("input").asDouble(), p.path("output").asDouble()));
            });
    return out;
  }
}
