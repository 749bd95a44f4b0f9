package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workflow variables one branch sees: its own, plus read-only those of the enclosing scopes (a
 * Map iteration or Parallel branch sees the variables of the state that started it). Immutable;
 * {@link #with} returns a new scope.
 */
final class Variables {
  static final Variables EMPTY = new Variables(null, Map.of());

  private final Variables outer;
  private final Map<String, JsonNode> own;

  private Variables(Variables outer, Map<String, JsonNode> own) {
    this.outer = outer;
    this.own = own;
  }

  /** An empty scope nested in {@code outer}. */
  static Variables nestedIn(Variables outer) {
    return new Variables(outer, Map.of());
  }

  /** A scope holding the fields of {@code stored} (as {@link #ownAsJson} wrote them). */
  static Variables restore(Variables outer, JsonNode stored) {
    Map<String, JsonNode> own = new LinkedHashMap<>();
    stored.properties().forEach(field -> own.put(field.getKey(), field.getValue()));
    return new Variables(outer, Collections.unmodifiableMap(own));
  }

  /** The value of {@code name} in this scope or an enclosing one, or null when unset. */
  JsonNode get(String name) {
    for (Variables scope = this; scope != null; scope = scope.outer) {
      JsonNode value = scope.own.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Every visible variable, inner scopes shadowing outer ones. */
  Map<String, JsonNode> visible() {
    if (outer == null) {
      return own;
    }
    Map<String, JsonNode> all = new LinkedHashMap<>(outer.visible());
    all.putAll(own);
    return all;
  }

  /** This scope with {@code assigned} set in its own variables. */
  Variables with(Map<String, JsonNode> assigned) {
    if (assigned.isEmpty()) {
      return this;
    }
    Map<String, JsonNode> merged = new LinkedHashMap<>(own);
    merged.putAll(assigned);
    return new Variables(outer, Collections.unmodifiableMap(merged));
  }

  Variables outer() {
    return outer;
  }

  boolean hasOwn() {
    return !own.isEmpty();
  }

  /** This scope's own variables as a JSON object, for storage. */
  ObjectNode ownAsJson() {
    ObjectNode json = JsonCodec.object();
    own.forEach(json::set);
    return json;
  }
}
