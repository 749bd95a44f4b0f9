package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A parsed call of an ASL intrinsic function such as {@code States.Format('{} items', $.n)}, with
 * nested calls, paths and literals as arguments.
 */
final class IntrinsicFunction {
  private final String source;
  private final String name;
  private final List<Argument> arguments;

  private IntrinsicFunction(String source, String name, List<Argument> arguments) {
    this.source = source;
    this.name = name;
    this.arguments = arguments;
  }

  /** Parses {@code source}; throws {@link IllegalArgumentException} when malformed. */
  static IntrinsicFunction parse(String source) {
    Parser parser = new Parser(source);
    IntrinsicFunction function = parser.call();
    parser.skipSpaces();
    if (!parser.atEnd()) {
      throw new IllegalArgumentException("unexpected text after intrinsic function: " + source);
    }
    return function;
  }

  String source() {
    return source;
  }

  JsonNode evaluate(EvaluationScope scope) {
    List<JsonNode> values = new ArrayList<>(arguments.size());
    for (Argument argument : arguments) {
      values.add(argument.evaluate(scope));
    }
    try {
      return apply(values);
    } catch (StatesError e) {
      throw e;
    } catch (RuntimeException e) {
      throw StatesError.intrinsic(
          "The intrinsic function '" + source + "' could not be evaluated: " + e.getMessage());
    }
  }

  private JsonNode apply(List<JsonNode> args) {
    switch (name) {
      case "States.Format":
        return format(args);
      case "States.StringToJson":
        return JsonCodec.parse(text(args, 0));
      case "States.JsonToString":
        return JsonCodec.NODES.textNode(JsonCodec.write(args.get(0)));
      case "States.Array":
        return JsonCodec.array().addAll(args);
      case "States.ArrayPartition":
        return partition(array(args, 0), integer(args, 1));
      case "States.ArrayContains":
        return JsonCodec.NODES.booleanNode(contains(array(args, 0), args.get(1)));
      case "States.ArrayRange":
        return range(integer(args, 0), integer(args, 1), integer(args, 2));
      case "States.ArrayGetItem":
        return item(array(args, 0), integer(args, 1));
      case "States.ArrayLength":
        return JsonCodec.NODES.numberNode(array(args, 0).size());
      case "States.ArrayUnique":
        return unique(array(args, 0));
      case "States.Base64Encode":
        return JsonCodec.NODES.textNode(
            Base64.getEncoder().encodeToString(text(args, 0).getBytes(StandardCharsets.UTF_8)));
      case "States.Base64Decode":
        return JsonCodec.NODES.textNode(
            new String(Base64.getDecoder().decode(text(args, 0)), StandardCharsets.UTF_8));
      case "States.Hash":
        return hash(args);
      case "States.JsonMerge":
        return merge(args);
      case "States.MathRandom":
        return random(args);
      case "States.MathAdd":
        return add(args);
      case "States.StringSplit":
        return split(text(args, 0), text(args, 1));
      case "States.UUID":
        return JsonCodec.NODES.textNode(UUID.randomUUID().toString());
      default:
        throw StatesError.intrinsic("Unknown intrinsic function: " + name);
    }
  }

  private JsonNode format(List<JsonNode> args) {
    String template = text(args, 0);
    StringBuilder out = new StringBuilder();
    int next = 1;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()) {
        out.append(template.charAt(++i));
      } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        if (next >= args.size()) {
          throw new IllegalArgumentException("not enough arguments for the template");
        }
        JsonNode value = args.get(next++);
        out.append(javaText(value));
        i++;
      } else {
        out.append(c);
      }
    }
    return JsonCodec.NODES.textNode(out.toString());
  }

  /** How the Java service prints a value into a format string: maps as {@code {k=v}}. */
  private static String javaText(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isObject()) {
      StringBuilder out = new StringBuilder("{");
      for (java.util.Map.Entry<String, JsonNode> field : value.properties()) {
        if (out.length() > 1) {
          out.append(", ");
        }
        out.append(field.getKey()).append('=').append(javaText(field.getValue()));
      }
      return out.append('}').toString();
    }
    if (value.isArray()) {
      StringBuilder out = new StringBuilder("[");
      for (JsonNode element : value) {
        if (out.length() > 1) {
          out.append(", ");
        }
        out.append(javaText(element));
      }
      return out.append(']').toString();
    }
    return JsonCodec.write(value);
  }

  private static JsonNode partition(ArrayNode array, int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("chunk size must be positive");
    }
    ArrayNode chunks = JsonCodec.array();
    for (int i = 0; i < array.size(); i += size) {
      ArrayNode chunk = chunks.addArray();
      for (int j = i; j < Math.min(array.size(), i + size); j++) {
        chunk.add(array.get(j));
      }
    }
    return chunks;
  }

  private static boolean contains(ArrayNode array, JsonNode value) {
    for (JsonNode element : array) {
      if (JsonEquality.equal(element, value)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode range(int start, int end, int step) {
    if (step == 0) {
      throw new IllegalArgumentException("step must not be zero");
    }
    ArrayNode values = JsonCodec.array();
    for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
      values.add((int) v);
      if (values.size() > 1000) {
        throw new IllegalArgumentException("the range has more than 1000 elements");
      }
    }
    return values;
  }

  private static JsonNode item(ArrayNode array, int index) {
    if (index < 0 || index >= array.size()) {
      throw new IllegalArgumentException("index out of bounds");
    }
    return array.get(index);
  }

  private static JsonNode unique(ArrayNode array) {
    ArrayNode result = JsonCodec.array();
    for (JsonNode element : array) {
      if (!contains(result, element)) {
        result.add(element);
      }
    }
    return result;
  }

  private JsonNode hash(List<JsonNode> args) {
    JsonNode data = args.get(0);
    String text = data.isTextual() ? data.textValue() : JsonCodec.write(data);
    String algorithm = text(args, 1);
    Set<String> supported = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
    if (!supported.contains(algorithm)) {
      throw new IllegalArgumentException("unsupported hash algorithm " + algorithm);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
      return JsonCodec.NODES.textNode(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  private static JsonNode merge(List<JsonNode> args) {
    if (!args.get(0).isObject() || !args.get(1).isObject()) {
      throw new IllegalArgumentException("both arguments must be JSON objects");
    }
    ObjectNode merged = JsonCodec.object();
    merged.setAll((ObjectNode) args.get(0));
    merged.setAll((ObjectNode) args.get(1));
    return merged;
  }

  private static JsonNode random(List<JsonNode> args) {
    int start = args.get(0).asInt();
    int end = args.get(1).asInt();
    Random random =
        args.size() > 2 ? new Random(args.get(2).asLong()) : ThreadLocalRandom.current();
    return JsonCodec.NODES.numberNode(start + random.nextInt(Math.max(1, end - start)));
  }

  private static JsonNode add(List<JsonNode> args) {
    JsonNode a = args.get(0);
    JsonNode b = args.get(1);
    if (!a.isNumber() || !b.isNumber()) {
      throw new IllegalArgumentException("both arguments must be numbers");
    }
    long sum = rounded(a) + rounded(b);
    return sum == (int) sum
        ? JsonCodec.NODES.numberNode((int) sum)
        : JsonCodec.NODES.numberNode(sum);
  }

  /** AWS rounds each addend half up to an integer before adding. */
  private static long rounded(JsonNode number) {
    if (number.isIntegralNumber()) {
      return number.longValue();
    }
    return number
        .decimalValue()
        .add(new BigDecimal("0.5"))
        .setScale(0, java.math.RoundingMode.FLOOR)
        .longValue();
  }

  private static JsonNode split(String text, String delimiters) {
    ArrayNode parts = JsonCodec.array();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (delimiters.indexOf(c) >= 0) {
        if (current.length() > 0) {
          parts.add(current.toString());
        }
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      parts.add(current.toString());
    }
    return parts;
  }

  private static String text(List<JsonNode> args, int index) {
    JsonNode value = argument(args, index);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("argument " + (index + 1) + " must be a string");
    }
    return value.textValue();
  }

  private static ArrayNode array(List<JsonNode> args, int index) {
    JsonNode value = argument(args, index);
    if (!value.isArray()) {
      throw new IllegalArgumentException("argument " + (index + 1) + " must be an array");
    }
    return (ArrayNode) value;
  }

  private static int integer(List<JsonNode> args, int index) {
    JsonNode value = argument(args, index);
    if (!value.isNumber()) {
      throw new IllegalArgumentException("argument " + (index + 1) + " must be a number");
    }
    return value.intValue();
  }

  private static JsonNode argument(List<JsonNode> args, int index) {
    if (index >= args.size()) {
      throw new IllegalArgumentException("missing argument " + (index + 1));
    }
    return args.get(index);
  }

  /** One argument: a literal, a path or a nested call. */
  private interface Argument {
    JsonNode evaluate(EvaluationScope scope);
  }

  private static final class Parser {
    private final String text;
    private int position;

    Parser(String text) {
      this.text = text;
    }

    IntrinsicFunction call() {
      skipSpaces();
      int start = position;
      while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '.')) {
        position++;
      }
      String name = text.substring(start, position);
      if (!name.startsWith("States.")) {
        throw new IllegalArgumentException("not an intrinsic function: " + text);
      }
      skipSpaces();
      expect('(');
      List<Argument> arguments = new ArrayList<>();
      skipSpaces();
      if (peek() != ')') {
        while (true) {
          arguments.add(argument());
          skipSpaces();
          if (peek() == ',') {
            position++;
            continue;
          }
          break;
        }
      }
      expect(')');
      return new IntrinsicFunction(text.substring(start, position), name, arguments);
    }

    private Argument argument() {
      skipSpaces();
      char c = peek();
      if (c == '\'') {
        JsonNode literal = JsonCodec.NODES.textNode(string());
        return scope -> literal;
      }
      if (c == '$') {
        int start = position;
        int depth = 0;
        boolean quoted = false;
        while (!atEnd()) {
          char d = peek();
          if (d == '\'' && (position == 0 || text.charAt(position - 1) != '\\')) {
            quoted = !quoted;
          } else if (!quoted && (d == '[' || d == '(')) {
            depth++;
          } else if (!quoted && (d == ']' || d == ')')) {
            if (depth == 0) {
              break;
            }
            depth--;
          } else if (!quoted && depth == 0 && d == ',') {
            break;
          }
          position++;
        }
        PathExpression path = PathExpression.compile(text.substring(start, position).trim());
        return scope -> readPath(path, scope);
      }
      if (text.startsWith("States.", position)) {
        IntrinsicFunction nested = call();
        return nested::evaluate;
      }
      int start = position;
      while (!atEnd() && peek() != ',' && peek() != ')') {
        position++;
      }
      String token = text.substring(start, position).trim();
      JsonNode literal;
      try {
        literal = JsonCodec.parse(token);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid argument '" + token + "' in " + text);
      }
      if (literal.isContainerNode() || literal.isMissingNode()) {
        throw new IllegalArgumentException("invalid argument '" + token + "' in " + text);
      }
      return scope -> literal;
    }

    private String string() {
      expect('\'');
      StringBuilder out = new StringBuilder();
      while (!atEnd()) {
        char c = text.charAt(position++);
        if (c == '\\' && !atEnd()) {
          char escaped = text.charAt(position++);
          if (escaped == '{' || escaped == '}') {
            out.append('\\');
          }
          out.append(escaped);
        } else if (c == '\'') {
          return out.toString();
        } else {
          out.append(c);
        }
      }
      throw new IllegalArgumentException("unterminated string in " + text);
    }

    void skipSpaces() {
      while (!atEnd() && Character.isWhitespace(peek())) {
        position++;
      }
    }

    boolean atEnd() {
      return position >= text.length();
    }

    private char peek() {
      return atEnd() ? '\0' : text.charAt(position);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + position + " in " + text);
      }
      position++;
    }
  }

  private static JsonNode readPath(PathExpression path, EvaluationScope scope) {
    try {
      return path.read(scope);
    } catch (PathExpression.PathNotFoundException e) {
      throw StatesError.runtime(
          "The JsonPath argument for the field '"
              + path.source()
              + "' could not be found in the input '"
              + JsonCodec.write(scope.input())
              + "'");
    }
  }
}
