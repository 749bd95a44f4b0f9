package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What expressions of one state can see: its input, the workflow variables, the context object and,
 * once known, the task result or the caught error.
 */
final class EvaluationScope {
  private final JsonNode input;
  private final Variables variables;
  private final Supplier<JsonNode> contextSupplier;
  private final JsonNode result;
  private final JsonNode errorOutput;
  private JsonNode context;
  private Map<String, Object> bindings;

  EvaluationScope(
      JsonNode input,
      Variables variables,
      Supplier<JsonNode> context,
      JsonNode result,
      JsonNode errorOutput) {
    this.input = input;
    this.variables = variables;
    this.contextSupplier = context;
    this.result = result;
    this.errorOutput = errorOutput;
  }

  JsonNode input() {
    return input;
  }

  Variables variables() {
    return variables;
  }

  JsonNode result() {
    return result;
  }

  JsonNode errorOutput() {
    return errorOutput;
  }

  JsonNode contextObject() {
    if (context == null) {
      context = contextSupplier.get();
    }
    return context;
  }

  /** A scope seeing the same things but another input (for example a Map item). */
  EvaluationScope withInput(JsonNode newInput) {
    return new EvaluationScope(newInput, variables, contextSupplier, result, errorOutput);
  }

  /** A scope that also sees a task result as {@code $states.result}. */
  EvaluationScope withResult(JsonNode newResult) {
    return new EvaluationScope(input, variables, contextSupplier, newResult, errorOutput);
  }

  /** A scope that also sees a caught error as {@code $states.errorOutput}. */
  EvaluationScope withErrorOutput(JsonNode error) {
    return new EvaluationScope(input, variables, contextSupplier, result, error);
  }

  /** A scope with other context object. */
  EvaluationScope withContext(Supplier<JsonNode> newContext) {
    return new EvaluationScope(input, variables, newContext, result, errorOutput);
  }

  /** The {@code $name} bindings of a JSONata expression: every variable and {@code $states}. */
  Map<String, Object> jsonataBindings() {
    if (bindings == null) {
      Map<String, Object> states = new LinkedHashMap<>();
      states.put("input", JsonataExpression.toJava(input));
      states.put("context", JsonataExpression.toJava(contextObject()));
      if (result != null) {
        states.put("result", JsonataExpression.toJava(result));
      }
      if (errorOutput != null) {
        states.put("errorOutput", JsonataExpression.toJava(errorOutput));
      }
      Map<String, Object> all = new HashMap<>();
      for (Map.Entry<String, JsonNode> variable : variables.visible().entrySet()) {
        Object value = JsonataExpression.toJava(variable.getValue());
        all.put(variable.getKey(), value == null ? com.dashjoin.jsonata.Jsonata.NULL_VALUE : value);
      }
      all.put("states", states);
      bindings = all;
    }
    return bindings;
  }
}
