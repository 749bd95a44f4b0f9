package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled payload template: {@code Parameters}, {@code ResultSelector}, {@code ItemSelector} in
 * JSONPath mode ({@code "key.$"} fields), or {@code Arguments}, {@code Output}, {@code Assign} and
 * other fields in JSONata mode ({@code "{% expr %}"} strings anywhere). Static parts are kept as
 * shared literal nodes.
 */
sealed interface Template {
  Pattern JSONATA = Pattern.compile("^\\{%(.*)%\\}$", Pattern.DOTALL);

  /** The evaluated value; JSONata parts that return nothing fail the state. */
  JsonNode evaluate(EvaluationScope scope);

  /** Whether the template is a constant. */
  default boolean isLiteral() {
    return false;
  }

  /** Compiles a JSONPath-mode template (payload template rules: only {@code .$} keys are live). */
  static Template jsonPath(JsonNode node, String pointer, List<String> problems) {
    if (node.isObject()) {
      List<Field> fields = new ArrayList<>();
      boolean literal = true;
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String key = entry.getKey();
        JsonNode value = entry.getValue();
        Template compiled;
        if (key.endsWith(".$") && key.length() > 2) {
          key = key.substring(0, key.length() - 2);
          compiled = dynamic(entry.getKey(), value, pointer + "/" + entry.getKey(), problems);
        } else {
          compiled = jsonPath(value, pointer + "/" + key, problems);
        }
        literal &= compiled.isLiteral();
        fields.add(new Field(key, compiled));
      }
      return literal ? new Literal(node.deepCopy()) : new ObjectTemplate(fields);
    }
    if (node.isArray()) {
      List<Template> elements = new ArrayList<>();
      boolean literal = true;
      for (int i = 0; i < node.size(); i++) {
        Template compiled = jsonPath(node.get(i), pointer + "/" + i, problems);
        literal &= compiled.isLiteral();
        elements.add(compiled);
      }
      return literal ? new Literal(node.deepCopy()) : new ArrayTemplate(elements);
    }
    return new Literal(node);
  }

  private static Template dynamic(
      String field, JsonNode value, String pointer, List<String> problems) {
    if (!value.isTextual()) {
      problems.add(
          "SCHEMA_VALIDATION_FAILED: The value for the field '"
              + field
              + "' must be a STRING that contains a JSONPath but was "
              + JsonCodec.typeName(value)
              + " at "
              + pointer);
      return new Literal(value);
    }
    String text = value.textValue().trim();
    try {
      if (text.startsWith("$")) {
        return new PathValue(PathExpression.compile(text), field);
      }
      if (text.startsWith("States.")) {
        return new IntrinsicValue(IntrinsicFunction.parse(text));
      }
    } catch (IllegalArgumentException e) {
      problems.add(
          "SCHEMA_VALIDATION_FAILED: The value for the field '"
              + field
              + "' must be a valid JSONPath or a valid intrinsic function call at "
              + pointer);
      return new Literal(value);
    }
    problems.add(
        "SCHEMA_VALIDATION_FAILED: The value for the field '"
            + field
            + "' must be a valid JSONPath or a valid intrinsic function call at "
            + pointer);
    return new Literal(value);
  }

  /** Compiles a JSONata-mode value: strings in {@code {% %}} become expressions, recursively. */
  static Template jsonata(JsonNode node, String field) {
    if (node.isTextual()) {
      Matcher matcher = JSONATA.matcher(node.textValue());
      if (matcher.matches()) {
        String source = matcher.group(1).trim();
        return new JsonataValue(JsonataExpression.compile(source), field);
      }
      return new Literal(node);
    }
    if (node.isObject()) {
      List<Field> fields = new ArrayList<>();
      boolean literal = true;
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        Template compiled = jsonata(entry.getValue(), field + "/" + entry.getKey());
        literal &= compiled.isLiteral();
        fields.add(new Field(entry.getKey(), compiled));
      }
      return literal ? new Literal(node.deepCopy()) : new ObjectTemplate(fields);
    }
    if (node.isArray()) {
      List<Template> elements = new ArrayList<>();
      boolean literal = true;
      for (int i = 0; i < node.size(); i++) {
        Template compiled = jsonata(node.get(i), field + "[" + i + "]");
        literal &= compiled.isLiteral();
        elements.add(compiled);
      }
      return literal ? new Literal(node.deepCopy()) : new ArrayTemplate(elements);
    }
    return new Literal(node);
  }

  /** Whether {@code node} is a string holding a JSONata expression. */
  static boolean isJsonata(JsonNode node) {
    return node != null && node.isTextual() && JSONATA.matcher(node.textValue()).matches();
  }

  /** A constant. */
  record Literal(JsonNode value) implements Template {
    @Override
    public JsonNode evaluate(EvaluationScope scope) {
      return value;
    }

    @Override
    public boolean isLiteral() {
      return true;
    }
  }

  /** One field of an {@link ObjectTemplate}. */
  record Field(String key, Template value) {}

  /** An object some of whose fields are live. */
  record ObjectTemplate(List<Field> fields) implements Template {
    @Override
    public JsonNode evaluate(EvaluationScope scope) {
      ObjectNode object = JsonCodec.object();
      for (Field field : fields) {
        object.set(field.key(), field.value().evaluate(scope));
      }
      return object;
    }
  }

  /** An array some of whose elements are live. */
  record ArrayTemplate(List<Template> elements) implements Template {
    @Override
    public JsonNode evaluate(EvaluationScope scope) {
      ArrayNode array = JsonCodec.array();
      for (Template element : elements) {
        array.add(element.evaluate(scope));
      }
      return array;
    }
  }

  /** A {@code "key.$": "$.path"} field. */
  record PathValue(PathExpression path, String field) implements Template {
    @Override
    public JsonNode evaluate(EvaluationScope scope) {
      try {
        return path.read(scope);
      } catch (PathExpression.PathNotFoundException e) {
        if (path.root() == PathExpression.Root.VARIABLE) {
          throw StatesError.runtime(
              "The JSONPath '"
                  + path.source()
                  + "' specified for the field '"
                  + field
                  + "' could not be found in the input '"
                  + JsonCodec.write(scope.input())
                  + "'");
        }
        JsonNode searched =
            path.root() == PathExpression.Root.CONTEXT ? scope.contextObject() : scope.input();
        throw StatesError.runtime(
            "The JSONPath '"
                + path.source()
                + "' specified for the field '"
                + field
                + "' could not be found in the input '"
                + JsonCodec.write(searched)
                + "'");
      }
    }
  }

  /** A {@code "key.$": "States.Fn(...)"} field. */
  record IntrinsicValue(IntrinsicFunction function) implements Template {
    @Override
    public JsonNode evaluate(EvaluationScope scope) {
      return function.evaluate(scope);
    }
  }

  /** A {@code "{% expr %}"} string. */
  record JsonataValue(JsonataExpression expression, String field) implements Template {
    @Override
    public JsonNode evaluate(EvaluationScope scope) {
      JsonNode value = expression.evaluate(scope.jsonataBindings(), field);
      if (value == null) {
        throw StatesError.query(
            "The JSONata expression '"
                + expression.source()
                + "' specified for the field '"
                + field
                + "' returned nothing (undefined).");
      }
      return value;
    }

    /** The value, or null when the expression returns nothing. */
    JsonNode evaluateOrUndefined(EvaluationScope scope) {
      return expression.evaluate(scope.jsonataBindings(), field);
    }
  }
}
