package dev.statecraft.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.Optional;

/**
 * Whether JSON from outside (a webhook's body, a callback's answer, {@code run --input}) fits the
 * Java type the workflow expects. The compiled workflow reads such JSON as it is, without Java's
 * decoding, so it is checked strictly before it gets in: the right JSON kinds (no {@code "5"} for
 * an {@code int}, no {@code 5} for a {@code String}, no {@code 1.5} for a {@code long}), no missing
 * or {@code null} primitives, enum constants by name. Unknown properties are allowed, as senders
 * add fields; a missing reference-typed field is {@code null}, as in Java.
 *
 * <p>Types are spelled as the deployment manifest spells them ({@code
 * java.util.List<com.example.Order$Line>}).
 */
public final class StrictJson {
  private static final ObjectMapper STRICT = strict();

  /** Jackson's advice about its own configuration, which no sender can act on. */
  private static final java.util.regex.Pattern ADVICE =
      java.util.regex.Pattern.compile("\\s*\\((set |but might |but could )[^)]*\\)");

  private StrictJson() {}

  /**
   * Why {@code json} does not fit {@code javaType}, or empty when it does.
   *
   * @param javaType the expected type
   * @param json the JSON text
   * @param classes where the type's classes are found
   */
  public static Optional<String> mismatch(String javaType, String json, ClassLoader classes) {
    JavaType type;
    try {
      type = STRICT.getTypeFactory().withClassLoader(classes).constructFromCanonical(javaType);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("cannot load type " + javaType + ": " + e.getMessage(), e);
    }
    try {
      STRICT.readValue(json, type);
      return Optional.empty();
    } catch (JsonProcessingException e) {
      String message = ADVICE.matcher(e.getOriginalMessage()).replaceAll("");
      return Optional.of("does not fit " + simple(javaType) + ": " + message + at(e));
    }
  }

  /** Where in the JSON the problem is, as the sender wrote it: {@code lines[0].quantity}. */
  private static String at(JsonProcessingException e) {
    if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m)
        || m.getPath().isEmpty()) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "" : " (at " + path + ")";
  }

  private static String simple(String javaType) {
    return javaType.replaceAll("[a-z0-9_.]+\\.([A-Z])", "$1").replace('$', '.');
  }

  private static ObjectMapper strict() {
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean}) {
      mapper
          .coercionConfigFor(t)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    return mapper;
  }
}
