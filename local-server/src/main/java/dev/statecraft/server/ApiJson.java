package dev.statecraft.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/** The JSON of the protocol: one mapper, and timestamps as epoch seconds with milliseconds. */
final class ApiJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ApiJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code instant} as the SDKs read a JSON-protocol timestamp: epoch seconds, a number. */
  static BigDecimal timestamp(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli(), 3);
  }

  /** Parses JSON text, or returns null if it is not one JSON value. */
  static JsonNode parseOrNull(String text) {
    try {
      return text == null ? null : MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The problem with JSON text, or null if it is one JSON value. */
  static String problem(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null || node.isMissingNode() ? "No content to map" : null;
    } catch (JsonProcessingException e) {
      return e.getOriginalMessage();
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
