package dev.statecraft.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping activities use on every cloud: records as objects keyed by component name,
 * enums as their names, unknown properties ignored so that a newer workflow can call an older
 * function.
 */
public final class ActivityJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private ActivityJson() {}

  /** The shared mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Encodes {@code value} as JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode activity value as JSON: " + e, e);
    }
  }

  /** Encodes {@code value} as JSON onto {@code out}, leaving it open. */
  public static void write(OutputStream out, Object value) throws IOException {
    out.write(MAPPER.writeValueAsBytes(value));
    out.flush();
  }

  /** Decodes JSON text into {@code type}. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot decode " + type.getSimpleName() + ": " + e, e);
    }
  }

  /** Reads one JSON document from {@code in}. */
  static com.fasterxml.jackson.databind.JsonNode readTree(InputStream in) throws IOException {
    return MAPPER.readTree(in);
  }
}
