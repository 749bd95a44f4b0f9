package dev.statecraft.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One API request's members, read with Step Functions' validation: a missing required member or a
 * value out of range is a {@code ValidationException}, a malformed name {@code InvalidName}, a
 * malformed ARN {@code InvalidArn}.
 */
final class Request {
  private static final int DEFAULT_PAGE = 100;
  private static final int MAX_PAGE = 1000;

  private final JsonNode body;

  Request(JsonNode body) {
    this.body = body;
  }

  JsonNode body() {
    return body;
  }

  /** A string member that must be present. */
  String required(String member) {
    String value = optional(member);
    if (value == null) {
      throw ApiError.validation(
          "Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  /** A string member, or null when absent. */
  String optional(String member) {
    JsonNode value = body.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ApiError("SerializationException", "'" + member + "' must be a string");
    }
    return value.textValue();
  }

  /** A string member of at most {@code max} characters, or null when absent. */
  String optional(String member, int max) {
    String value = optional(member);
    if (value != null && value.length() > max) {
      throw ApiError.validation(
          "Value at '"
              + member
              + "' failed to satisfy constraint: Member must have length less than or equal to "
              + max);
    }
    return value;
  }

  boolean flag(String member, boolean otherwise) {
    JsonNode value = body.get(member);
    return value == null || value.isNull() ? otherwise : value.asBoolean();
  }

  /** {@code maxResults}: 0 or absent means the default of 100; at most 1000. */
  int pageSize() {
    JsonNode value = body.get("maxResults");
    int size = value == null || value.isNull() ? 0 : value.asInt();
    if (size < 0 || size > MAX_PAGE) {
      throw ApiError.validation(
          "Value '"
              + size
              + "' at 'maxResults' failed to satisfy constraint: Member must have value "
              + (size < 0 ? "greater than or equal to 0" : "less than or equal to " + MAX_PAGE));
    }
    return size == 0 ? DEFAULT_PAGE : size;
  }

  /**
   * Checks a state machine or execution name as Step Functions does: 1 to 80 characters, none of
   * them white space, a bracket, a wildcard, a control character or one of {@code "#%\^|~`$&,;:/}.
   */
  static String checkName(String name) {
    boolean valid = name != null && !name.isEmpty() && name.length() <= 80;
    for (int i = 0; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid =
          !Character.isWhitespace(c)
              && !Character.isISOControl(c)
              && "<>{}[]?*\"#%\\^|~`$&,;:/".indexOf(c) < 0;
    }
    if (!valid) {
      throw new ApiError("InvalidName", "Invalid Name: '" + name + "'");
    }
    return name;
  }

  /** The name in a state machine ARN; {@code InvalidArn} when it is not one. */
  static String stateMachineName(String arn) {
    String[] parts = arnParts(arn, "stateMachine", 7);
    return parts[6];
  }

  /** The state machine name and execution name in an execution ARN. */
  static String[] executionNames(String arn) {
    String[] parts = arnParts(arn, "execution", 8);
    return new String[] {parts[6], parts[7]};
  }

  private static String[] arnParts(String arn, String resourceType, int count) {
    String[] parts = arn.split(":", -1);
    if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("states")) {
      throw new ApiError("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: " + arn + "'");
    }
    if (!parts[5].equals(resourceType)) {
      throw new ApiError(
          "InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + parts[5] + "'");
    }
    if (parts.length != count) {
      throw new ApiError(
          "InvalidArn",
          "Invalid Arn: 'Unsupported or malformed " + resourceType + " ARN: " + arn + "'");
    }
    for (int i = 6; i < count; i++) {
      if (parts[i].isEmpty()) {
        throw new ApiError("InvalidArn", "Invalid Arn: 'Resource name is empty: " + arn + "'");
      }
    }
    return parts;
  }
}
