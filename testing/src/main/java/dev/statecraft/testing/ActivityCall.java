package dev.statecraft.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.adapters.ActivityJson;
import java.util.Objects;

/**
 * One attempt of one activity call, as a run recorded it: which activity, with which arguments, and
 * whether it returned or threw. A call that was retried appears once per attempt.
 *
 * <p>Values are recorded as JSON, decoded into the parameter's and the result's declared Java type
 * first and encoded again with {@code ActivityJson}, so that calls from the engine and from direct
 * mode compare equal when the Java values are equal. A {@link dev.statecraft.api.Callback} argument
 * is recorded with its token replaced by {@code callback-1}, {@code callback-2}, ... in the order
 * the run created them, since the engine's tokens are opaque.
 *
 * <pre>{@code
 * assertEquals(List.of("ShopActivities.price", "ShopActivities.price", "ShopActivities.ship"),
 *     result.activityCalls().stream().map(ActivityCall::activity).toList());
 * Order order = result.activityCalls().get(0).argument("order", Order.class);
 * }</pre>
 *
 * @param activity {@code Interface.method}, with the interface's simple name
 * @param arguments the arguments, keyed by parameter name; treat it as read-only
 * @param result what the attempt returned ({@code null} JSON for {@code void}), or {@code null}
 *     when it threw
 * @param error what the attempt threw, or {@code null} when it returned
 */
public record ActivityCall(
    String activity, ObjectNode arguments, JsonNode result, WorkflowError error) {

  /** Checks that exactly one of {@code result} and {@code error} is set. */
  public ActivityCall {
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(arguments, "arguments");
    if ((result == null) == (error == null)) {
      throw new IllegalArgumentException("an activity call either returned or threw");
    }
  }

  static ActivityCall returned(String activity, ObjectNode arguments, Object value) {
    JsonNode result = ActivityJson.mapper().valueToTree(value);
    return new ActivityCall(
        activity, arguments, result == null ? NullNode.getInstance() : result, null);
  }

  static ActivityCall threw(String activity, ObjectNode arguments, WorkflowError error) {
    return new ActivityCall(activity, arguments, null, error);
  }

  /** Whether the attempt returned rather than threw. */
  public boolean returned() {
    return error == null;
  }

  /** The argument {@code name} decoded as {@code type}. */
  public <T> T argument(String name, Class<T> type) {
    return ActivityJson.mapper().convertValue(argumentNode(name), type);
  }

  /** The argument {@code name} decoded as a generic type such as {@code List<Order>}. */
  public <T> T argument(String name, TypeReference<T> type) {
    return ActivityJson.mapper().convertValue(argumentNode(name), type);
  }

  /** The returned value decoded as {@code type}. */
  public <T> T result(Class<T> type) {
    if (result == null) {
      throw new IllegalStateException(activity + " threw " + error + ", it returned nothing");
    }
    return ActivityJson.mapper().convertValue(result, type);
  }

  private JsonNode argumentNode(String name) {
    JsonNode node = arguments.get(name);
    if (node == null) {
      throw new IllegalArgumentException(
          activity + " has no parameter '" + name + "', its arguments are " + arguments);
    }
    return node;
  }

  /** {@code ShopActivities.price({"order":...}) -> {...}}, or {@code ... threw error: message}. */
  @Override
  public String toString() {
    return activity + "(" + arguments + ")" + (returned() ? " -> " + result : " threw " + error);
  }
}
