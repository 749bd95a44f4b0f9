package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.local.internal.Asl.And;
import dev.statecraft.local.internal.Asl.ChoiceRule;
import dev.statecraft.local.internal.Asl.Comparison;
import dev.statecraft.local.internal.Asl.Condition;
import dev.statecraft.local.internal.Asl.Not;
import dev.statecraft.local.internal.Asl.Or;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Decides Choice rules: JSONPath comparison operators and JSONata conditions. */
final class ChoiceEvaluator {
  private ChoiceEvaluator() {}

  static boolean matches(ChoiceRule rule, EvaluationScope scope) {
    if (rule instanceof And) {
      for (ChoiceRule inner : ((And) rule).rules()) {
        if (!matches(inner, scope)) {
          return false;
        }
      }
      return true;
    }
    if (rule instanceof Or) {
      for (ChoiceRule inner : ((Or) rule).rules()) {
        if (matches(inner, scope)) {
          return true;
        }
      }
      return false;
    }
    if (rule instanceof Not) {
      return !matches(((Not) rule).rule(), scope);
    }
    if (rule instanceof Condition) {
      return condition((Condition) rule, scope);
    }
    return compare((Comparison) rule, scope);
  }

  private static boolean condition(Condition condition, EvaluationScope scope) {
    JsonNode value = condition.condition().evaluate(scope);
    if (!value.isBoolean()) {
      Template template = condition.condition();
      String source =
          template instanceof Template.JsonataValue
              ? ((Template.JsonataValue) template).expression().source()
              : JsonCodec.write(value);
      throw StatesError.query(
          "The JSONata expression '"
              + source
              + "' specified for the field 'Condition' returned an unexpected result type."
              + " Expected 'boolean', but was '"
              + JsonCodec.typeName(value)
              + "' for value: "
              + JsonCodec.write(value));
    }
    return value.booleanValue();
  }

  private static boolean compare(Comparison comparison, EvaluationScope scope) {
    String operator = comparison.operator();
    JsonNode variable;
    try {
      variable = comparison.variable().read(scope);
    } catch (PathExpression.PathNotFoundException e) {
      if (operator.equals("IsPresent")) {
        return !comparison.value().asBoolean();
      }
      if (operator.startsWith("Is")) {
        return false;
      }
      throw StatesError.runtime(
          "Invalid path '"
              + comparison.variable().source()
              + "': The choice state's condition path references an invalid value.");
    }
    JsonNode expected = comparison.value();
    if (comparison.valuePath() != null) {
      try {
        expected = comparison.valuePath().read(scope);
      } catch (PathExpression.PathNotFoundException e) {
        throw StatesError.runtime(
            "Invalid path '"
                + comparison.valuePath().source()
                + "': The choice state's condition path references an invalid value.");
      }
    }
    switch (operator) {
      case "IsPresent":
        return expected.asBoolean();
      case "IsNull":
        return variable.isNull() == expected.asBoolean();
      case "IsNumeric":
        return variable.isNumber() == expected.asBoolean();
      case "IsString":
        return variable.isTextual() == expected.asBoolean();
      case "IsBoolean":
        return variable.isBoolean() == expected.asBoolean();
      case "IsTimestamp":
        return (timestamp(variable) != null) == expected.asBoolean();
      case "BooleanEquals":
        return variable.isBoolean() && expected.isBoolean() && variable.equals(expected);
      case "StringMatches":
        return variable.isTextual()
            && expected.isTextual()
            && wildcard(variable.textValue(), expected.textValue());
      default:
        break;
    }
    if (operator.startsWith("String")) {
      if (!variable.isTextual() || !expected.isTextual()) {
        return false;
      }
      return ordered(operator.substring(6), variable.textValue().compareTo(expected.textValue()));
    }
    if (operator.startsWith("Numeric")) {
      if (!variable.isNumber() || !expected.isNumber()) {
        return false;
      }
      return ordered(
          operator.substring(7), variable.decimalValue().compareTo(expected.decimalValue()));
    }
    if (operator.startsWith("Timestamp")) {
      OffsetDateTime left = timestamp(variable);
      OffsetDateTime right = timestamp(expected);
      if (left == null || right == null) {
        return false;
      }
      return ordered(operator.substring(9), left.toInstant().compareTo(right.toInstant()));
    }
    throw new IllegalStateException("unknown operator " + operator);
  }

  private static boolean ordered(String relation, int comparison) {
    switch (relation) {
      case "Equals":
        return comparison == 0;
      case "LessThan":
        return comparison < 0;
      case "GreaterThan":
        return comparison > 0;
      case "LessThanEquals":
        return comparison <= 0;
      case "GreaterThanEquals":
        return comparison >= 0;
      default:
        throw new IllegalStateException("unknown relation " + relation);
    }
  }

  /** Parses an ASL timestamp (RFC 3339 with an uppercase T and an offset), or null. */
  static OffsetDateTime timestamp(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return null;
    }
    String text = node.textValue();
    if (text.indexOf('T') < 0 || text.indexOf('t') >= 0 || text.indexOf('z') >= 0) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
  static boolean wildcard(String text, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        regex.append(".*");
      } else {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return text.matches(regex.toString());
  }
}
