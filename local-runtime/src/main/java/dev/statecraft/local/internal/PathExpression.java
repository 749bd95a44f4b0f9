package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled ASL path: a JSONPath over the state input ({@code $.a.b}), the context object ({@code
 * $$.Execution.Id}) or a workflow variable ({@code $name.field}).
 *
 * <p>Plain paths of field names and indexes are read directly; anything else (wildcards, slices,
 * filters, deep scans) and every miss goes through Jayway JsonPath, the library whose messages AWS
 * reports ({@code No results for path: $['x']}).
 */
final class PathExpression {
  static final Configuration JAYWAY =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(JsonCodec.MAPPER))
          .mappingProvider(new JacksonMappingProvider(JsonCodec.MAPPER))
          .build();

  enum Root {
    INPUT,
    CONTEXT,
    VARIABLE
  }

  private final String source;
  private final Root root;
  private final String variable;
  private final List<Object> segments;
  private final String jaywaySource;
  private volatile JsonPath jayway;

  private PathExpression(
      String source, Root root, String variable, List<Object> segments, String jaywaySource) {
    this.source = source;
    this.root = root;
    this.variable = variable;
    this.segments = segments;
    this.jaywaySource = jaywaySource;
  }

  /** Compiles {@code source}; throws {@link IllegalArgumentException} if it is no valid path. */
  static PathExpression compile(String source) {
    if (!source.startsWith("$")) {
      throw new IllegalArgumentException("path must start with '$': " + source);
    }
    Root root;
    String variable = null;
    String rest;
    if (source.startsWith("$$")) {
      root = Root.CONTEXT;
      rest = "$" + source.substring(2);
    } else if (source.length() > 1 && isNameChar(source.charAt(1))) {
      root = Root.VARIABLE;
      int end = 1;
      while (end < source.length() && isNameChar(source.charAt(end))) {
        end++;
      }
      variable = source.substring(1, end);
      rest = "$" + source.substring(end);
    } else {
      root = Root.INPUT;
      rest = source;
    }
    List<Object> segments = simpleSegments(rest);
    PathExpression path = new PathExpression(source, root, variable, segments, rest);
    if (segments == null) {
      path.jayway();
    }
    return path;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  String source() {
    return source;
  }

  Root root() {
    return root;
  }

  String variable() {
    return variable;
  }

  /** Whether this is a plain path that {@link #write} can assign to. */
  boolean isReference() {
    return segments != null && root == Root.INPUT;
  }

  /** Whether this path always selects at most one value (no wildcards, slices or filters). */
  boolean isDefinite() {
    return segments != null || jayway().isDefinite();
  }

  /**
   * The value this path selects.
   *
   * @throws PathNotFoundException when nothing matches; its message is Jayway's
   */
  JsonNode read(EvaluationScope scope) {
    JsonNode start;
    switch (root) {
      case CONTEXT:
        start = scope.contextObject();
        break;
      case VARIABLE:
        start = scope.variables().get(variable);
        if (start == null) {
          throw new PathNotFoundException("Variable '" + variable + "' is not defined", true);
        }
        break;
      default:
        start = scope.input();
    }
    return readFrom(start);
  }

  /** The value this path selects, reading from {@code start} as its root. */
  JsonNode readFrom(JsonNode start) {
    if (segments != null) {
      JsonNode node = start;
      for (Object segment : segments) {
        node = segment instanceof String ? node.get((String) segment) : node.get((Integer) segment);
        if (node == null) {
          break;
        }
      }
      if (node != null) {
        return node;
      }
    }
    try {
      Object result = jayway().read(start, JAYWAY);
      if (result instanceof JsonNode) {
        return (JsonNode) result;
      }
      return JsonCodec.MAPPER.valueToTree(result);
    } catch (com.jayway.jsonpath.PathNotFoundException e) {
      if (!jayway().isDefinite()) {
        return JsonCodec.array();
      }
      throw new PathNotFoundException(e.getMessage(), false);
    } catch (JsonPathException e) {
      throw new PathNotFoundException(e.getMessage(), false);
    }
  }

  /** {@code target} with the value at this path replaced by {@code value}; shares the rest. */
  JsonNode write(JsonNode target, JsonNode value) {
    return write(target, 0, value);
  }

  private JsonNode write(JsonNode target, int index, JsonNode value) {
    if (index == segments.size()) {
      return value;
    }
    Object segment = segments.get(index);
    if (segment instanceof Integer && target != null && target.isArray()) {
      int position = (Integer) segment;
      ArrayNode copy = ((ArrayNode) target).deepCopy();
      if (position < copy.size()) {
        copy.set(position, write(target.get(position), index + 1, value));
        return copy;
      }
      throw StatesError.runtime("Invalid path '" + source + "': index out of range");
    }
    String field = String.valueOf(segment);
    ObjectNode copy = JsonCodec.object();
    if (target != null && target.isObject()) {
      copy.setAll((ObjectNode) target);
    } else if (target != null && !target.isNull() && index > 0) {
      throw StatesError.runtime(
          "Unable to apply ResultPath \"" + source + "\" to input " + JsonCodec.write(target));
    }
    copy.set(field, write(copy.get(field), index + 1, value));
    return copy;
  }

  private JsonPath jayway() {
    JsonPath compiled = jayway;
    if (compiled == null) {
      try {
        compiled = JsonPath.compile(jaywaySource);
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("invalid JSONPath '" + source + "': " + e.getMessage());
      }
      jayway = compiled;
    }
    return compiled;
  }

  /** The field names and indexes of a plain path, or null if it needs the full JSONPath. */
  private static List<Object> simpleSegments(String path) {
    List<Object> segments = new ArrayList<>();
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && isPlainFieldChar(path.charAt(end))) {
          end++;
        }
        if (end == i + 1) {
          return null;
        }
        segments.add(path.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return null;
        }
        String inside = path.substring(i + 1, close);
        if (inside.matches("[0-9]+") && inside.length() < 9) {
          segments.add(Integer.parseInt(inside));
        } else if (inside.length() >= 2
            && inside.startsWith("'")
            && inside.endsWith("'")
            && inside.indexOf('\'', 1) == inside.length() - 1) {
          segments.add(inside.substring(1, inside.length() - 1));
        } else {
          return null;
        }
        i = close + 1;
      } else {
        return null;
      }
    }
    return segments;
  }

  private static boolean isPlainFieldChar(char c) {
    return c != '.' && c != '[' && c != ']' && c != '*' && c != '?' && c != '@' && c != '('
        && c != ')' && c != '\'' && c != '"' && c != ' ' && c != ',' && c != ':' && c != '$'
        && c != '\\';
  }

  /** No value matches a path. */
  static final class PathNotFoundException extends RuntimeException {
    private final boolean undefinedVariable;

    PathNotFoundException(String message, boolean undefinedVariable) {
      super(message, null, false, false);
      this.undefinedVariable = undefinedVariable;
    }

    boolean undefinedVariable() {
      return undefinedVariable;
    }
  }
}
