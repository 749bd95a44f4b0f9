package dev.statecraft.compiler.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Saves the transition of a Choice whose fall-through leads straight to another Choice: the second
 * Choice's rules and default join the first one's. Nothing runs between the two (a {@code Default}
 * assigns nothing), so the conditions read the same variables either way. {@code else if} chains
 * and loop exits followed by a test become one Choice, as a hand-written machine would have it.
 */
final class ThreadChoices {
  private ThreadChoices() {}

  /** Rewrites the graph's states in place and drops the Choices nothing enters any more. */
  static void run(Map<String, ObjectNode> states, String startAt) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, ObjectNode> e : states.entrySet()) {
        ObjectNode first = e.getValue();
        if (!isChoice(first) || !first.has("Default")) {
          continue;
        }
        String target = first.get("Default").asText();
        ObjectNode second = states.get(target);
        if (second == null || second == first || !isChoice(second)) {
          continue;
        }
        ArrayNode rules = (ArrayNode) first.get("Choices");
        for (JsonNode rule : second.get("Choices")) {
          rules.add(rule.deepCopy());
        }
        first.remove("Default");
        if (second.has("Default")) {
          first.set("Default", second.get("Default"));
        }
        changed = true;
      }
    }
    removeUnreachable(states, startAt);
  }

  private static boolean isChoice(ObjectNode state) {
    return "Choice".equals(state.path("Type").asText());
  }

  private static void removeUnreachable(Map<String, ObjectNode> states, String startAt) {
    Set<String> reached = new HashSet<>();
    visit(startAt, states, reached);
    for (Iterator<String> it = states.keySet().iterator(); it.hasNext(); ) {
      if (!reached.contains(it.next())) {
        it.remove();
      }
    }
  }

  private static void visit(String name, Map<String, ObjectNode> states, Set<String> reached) {
    ObjectNode state = states.get(name);
    if (state == null || !reached.add(name)) {
      return;
    }
    for (String next : successors(state)) {
      visit(next, states, reached);
    }
  }

  private static Set<String> successors(ObjectNode state) {
    Set<String> next = new HashSet<>();
    if (state.has("Next")) {
      next.add(state.get("Next").asText());
    }
    if (state.has("Default")) {
      next.add(state.get("Default").asText());
    }
    for (String array : new String[] {"Choices", "Catch"}) {
      for (JsonNode item : state.path(array)) {
        if (item.has("Next")) {
          next.add(item.get("Next").asText());
        }
      }
    }
    return next;
  }
}
