package dev.statecraft.adapters;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The arguments of one activity call: a JSON object with one property per parameter, named as the
 * parameter is in the {@code @Activities} interface. Generated handlers read each argument with its
 * declared type:
 *
 * <pre>{@code
 * return activities.answer(input.get("ticket", Ticket.class), input.get("model", String.class));
 * }</pre>
 */
public final class ActivityInput {
  /**
   * The payload key under which the compiled workflow also passes where the call runs (its
   * execution, state and attempt); no Java parameter can have this name.
   */
  public static final String CONTEXT_KEY = "@statecraft";

  private final ObjectNode arguments;

  private ActivityInput(ObjectNode arguments) {
    this.arguments = arguments;
  }

  /** Reads the arguments object from a request body; an empty body means no arguments. */
  public static ActivityInput read(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    if (bytes.length == 0) {
      return new ActivityInput(JsonNodeFactory.instance.objectNode());
    }
    return of(ActivityJson.mapper().readTree(bytes));
  }

  /** Parses the arguments object from JSON text. */
  public static ActivityInput parse(String json) {
    try {
      return of(ActivityJson.mapper().readTree(json == null || json.isBlank() ? "{}" : json));
    } catch (IOException e) {
      throw new IllegalArgumentException("activity input is not JSON: " + e.getMessage(), e);
    }
  }

  /** Wraps a decoded arguments object; {@code null} means no arguments. */
  public static ActivityInput of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new ActivityInput(JsonNodeFactory.instance.objectNode());
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "activity input must be a JSON object keyed by parameter name, got "
              + node.getNodeType());
    }
    return new ActivityInput((ObjectNode) node);
  }

  /** The argument {@code name} decoded as {@code type}; a missing argument is {@code null}. */
  public <T> T get(String name, Class<T> type) {
    return ActivityJson.mapper().convertValue(node(name), type);
  }

  /** The argument {@code name} decoded as a generic type such as {@code List<Ticket>}. */
  public <T> T get(String name, TypeReference<T> type) {
    return ActivityJson.mapper().convertValue(node(name), type);
  }

  /**
   * Where this call runs, when the workflow passed it: on AWS, the execution's ARN, the state's
   * name and the retry count. For logs and traces, never for the activity's own logic.
   */
  public java.util.Optional<CallContext> context() {
    JsonNode c = arguments.get(CONTEXT_KEY);
    if (c == null || !c.isObject()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new CallContext(
            c.path("execution").asText(""), c.path("state").asText(""), c.path("attempt").asInt()));
  }

  /**
   * Where an activity call runs.
   *
   * @param execution the execution's id (an ARN on AWS)
   * @param state the calling state's name
   * @param attempt 0 for the first attempt, then the retry count
   */
  public record CallContext(String execution, String state, int attempt) {}

  private JsonNode node(String name) {
    Objects.requireNonNull(name, "name");
    JsonNode value = arguments.get(name);
    return value == null ? NullNode.getInstance() : value;
  }

  @Override
  public String toString() {
    return arguments.toString();
  }
}
