package dev.statecraft.local.internal;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One compiled JSONata expression (the text between {@code {%} and {@code %}}), evaluated over
 * Jackson trees with the AWS extension functions bound.
 */
final class JsonataExpression {
  private static final Map<String, JFunction> AWS_FUNCTIONS = awsFunctions();

  private final String source;
  private final Jsonata compiled;
  private final String compileError;

  private JsonataExpression(String source, Jsonata compiled, String compileError) {
    this.source = source;
    this.compiled = compiled;
    this.compileError = compileError;
  }

  /** Compiles {@code source}; a syntax error surfaces when the expression is evaluated. */
  static JsonataExpression compile(String source) {
    try {
      Jsonata compiled = Jsonata.jsonata(source);
      compiled.setOutputConvertNulls(false);
      return new JsonataExpression(source, compiled, null);
    } catch (JException e) {
      return new JsonataExpression(source, null, describe(e));
    } catch (RuntimeException e) {
      return new JsonataExpression(source, null, String.valueOf(e.getMessage()));
    }
  }

  String source() {
    return source;
  }

  /** The syntax error if the expression does not compile, else null. */
  String compileError() {
    return compileError;
  }

  /**
   * Evaluates with {@code bindings} as {@code $name} variables (values are Jackson nodes) and
   * returns the result, or null when it is undefined.
   */
  JsonNode evaluate(Map<String, ?> bindings, String field) {
    if (compiled == null) {
      throw StatesError.query(
          "The JSONata expression '"
              + source
              + "' specified for the field '"
              + field
              + "' threw an error during evaluation. "
              + compileError);
    }
    Object result;
    try {
      Jsonata.Frame frame = compiled.createFrame();
      for (Map.Entry<String, JFunction> function : AWS_FUNCTIONS.entrySet()) {
        frame.bind(function.getKey(), function.getValue());
      }
      for (Map.Entry<String, ?> binding : bindings.entrySet()) {
        Object value = binding.getValue();
        Object bound = value instanceof JsonNode ? toJava((JsonNode) value) : value;
        frame.bind(binding.getKey(), bound == null ? Jsonata.NULL_VALUE : bound);
      }
      result = compiled.evaluate(null, frame);
    } catch (JException e) {
      throw StatesError.query(
          "The JSONata expression '"
              + source
              + "' specified for the field '"
              + field
              + "' threw an error during evaluation. "
              + describe(e));
    } catch (StatesError e) {
      throw e;
    } catch (RuntimeException e) {
      throw StatesError.query(
          "The JSONata expression '"
              + source
              + "' specified for the field '"
              + field
              + "' threw an error during evaluation. "
              + e.getMessage());
    }
    if (result == null) {
      return null;
    }
    if (isFunction(result)) {
      throw StatesError.query(
          "The JSONata expression '"
              + source
              + "' specified for the field '"
              + field
              + "' returned an unsupported result type.");
    }
    return toJson(result);
  }

  private static boolean isFunction(Object value) {
    return !(value instanceof Map
        || value instanceof List
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value == Jsonata.NULL_VALUE);
  }

  private static String describe(JException e) {
    String code = e.getError();
    return code == null ? e.getMessage() : code + ": " + e.getMessage();
  }

  /** Jackson tree to the java.util values the JSONata port works on. */
  static Object toJava(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          map.put(field.getKey(), toJava(field.getValue()));
        }
        return map;
      case ARRAY:
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
          list.add(toJava(element));
        }
        return list;
      case STRING:
        return node.textValue();
      case NUMBER:
        if (node.isIntegralNumber()) {
          return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        return node.doubleValue();
      case BOOLEAN:
        return node.booleanValue();
      case NULL:
        // JSON null is a value (JSONata's null), not nothing: in a list it stays an element, as a
        // field it exists. Java null is the port's "undefined".
        return Jsonata.NULL_VALUE;
      default:
        return null;
    }
  }

  /** java.util values back to a Jackson tree; integral doubles become integers, as in JSONata. */
  static JsonNode toJson(Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return JsonCodec.NODES.nullNode();
    }
    if (value instanceof Map) {
      ObjectNode object = JsonCodec.object();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (entry.getValue() != null || ((Map<?, ?>) value).containsKey(entry.getKey())) {
          if (!isFunction(entry.getValue()) || entry.getValue() == null) {
            object.set(String.valueOf(entry.getKey()), toJson(entry.getValue()));
          }
        }
      }
      return object;
    }
    if (value instanceof List) {
      ArrayNode array = JsonCodec.array();
      for (Object element : (List<?>) value) {
        array.add(toJson(element));
      }
      return array;
    }
    if (value instanceof String) {
      return JsonCodec.NODES.textNode((String) value);
    }
    if (value instanceof Boolean) {
      return JsonCodec.NODES.booleanNode((Boolean) value);
    }
    if (value instanceof Number) {
      return number((Number) value);
    }
    return JsonCodec.NODES.textNode(String.valueOf(value));
  }

  private static JsonNode number(Number number) {
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return JsonCodec.NODES.numberNode(number.intValue());
    }
    if (number instanceof Long) {
      long value = number.longValue();
      return value == (int) value
          ? JsonCodec.NODES.numberNode((int) value)
          : JsonCodec.NODES.numberNode(value);
    }
    if (number instanceof BigInteger) {
      return JsonCodec.NODES.numberNode((BigInteger) number);
    }
    double value = number.doubleValue();
    if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
      long integral = (long) value;
      return integral == (int) integral
          ? JsonCodec.NODES.numberNode((int) integral)
          : JsonCodec.NODES.numberNode(integral);
    }
    if (number instanceof BigDecimal) {
      return JsonCodec.NODES.numberNode((BigDecimal) number);
    }
    return JsonCodec.NODES.numberNode(value);
  }

  private static Map<String, JFunction> awsFunctions() {
    Map<String, JFunction> functions = new LinkedHashMap<>();
    functions.put("partition", new JFunction((input, args) -> partition(args), null));
    functions.put("range", new JFunction((input, args) -> range(args), null));
    functions.put("hash", new JFunction((input, args) -> hash(args), null));
    functions.put("random", new JFunction((input, args) -> random(args), null));
    functions.put("uuid", new JFunction((input, args) -> UUID.randomUUID().toString(), null));
    functions.put("parse", new JFunction((input, args) -> parse(args), null));
    return functions;
  }

  private static Object partition(List<?> args) {
    List<?> items = (List<?>) args.get(0);
    int size = ((Number) args.get(1)).intValue();
    if (size <= 0) {
      throw new JException("D3137", -1, "size must be positive");
    }
    List<Object> chunks = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      chunks.add(new ArrayList<>(items.subList(i, Math.min(items.size(), i + size))));
    }
    return chunks;
  }

  private static Object range(List<?> args) {
    double start = ((Number) args.get(0)).doubleValue();
    double end = ((Number) args.get(1)).doubleValue();
    double step = args.size() > 2 ? ((Number) args.get(2)).doubleValue() : 1;
    if (step == 0) {
      throw new JException("D3137", -1, "step must not be zero");
    }
    List<Object> values = new ArrayList<>();
    for (double v = start; step > 0 ? v <= end : v >= end; v += step) {
      values.add(v == Math.rint(v) ? (Object) (long) v : (Object) v);
    }
    return values.size() == 1 ? values.get(0) : values;
  }

  private static Object hash(List<?> args) {
    String data = String.valueOf(args.get(0));
    String algorithm = args.size() > 1 ? String.valueOf(args.get(1)) : "SHA-256";
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(digest.digest(data.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new JException("D3137", -1, "unsupported hash algorithm " + algorithm);
    }
  }

  private static Object random(List<?> args) {
    if (!args.isEmpty() && args.get(0) instanceof Number) {
      return new Random(((Number) args.get(0)).longValue()).nextDouble();
    }
    return ThreadLocalRandom.current().nextDouble();
  }

  private static Object parse(List<?> args) {
    return toJava(JsonCodec.parse(String.valueOf(args.get(0))));
  }
}
