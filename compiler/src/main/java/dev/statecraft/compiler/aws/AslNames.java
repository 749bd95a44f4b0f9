package dev.statecraft.compiler.aws;

import dev.statecraft.compiler.ir.Expr;
import dev.statecraft.compiler.ir.IrWalk;
import dev.statecraft.compiler.ir.UniqueNames;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names in the emitted definition. State names are PascalCase letters and digits (the characters
 * every AWS console, log and metric accepts), unique, at most 80 characters. Workflow variables
 * keep their Java names unless one would shadow a JSONata function ({@code $count}), {@code
 * $states}, or the {@code $__} names the renderer uses inside its own blocks.
 */
final class AslNames {
  private static final Set<String> RESERVED =
      Set.of(
          "states",
          "sum",
          "count",
          "max",
          "min",
          "average",
          "string",
          "substring",
          "substringBefore",
          "substringAfter",
          "lowercase",
          "uppercase",
          "length",
          "trim",
          "pad",
          "match",
          "contains",
          "replace",
          "split",
          "join",
          "formatNumber",
          "formatBase",
          "formatInteger",
          "parseInteger",
          "number",
          "floor",
          "ceil",
          "round",
          "abs",
          "sqrt",
          "power",
          "random",
          "boolean",
          "not",
          "map",
          "zip",
          "filter",
          "single",
          "reduce",
          "sift",
          "keys",
          "lookup",
          "append",
          "exists",
          "spread",
          "merge",
          "reverse",
          "each",
          "error",
          "assert",
          "type",
          "sort",
          "shuffle",
          "distinct",
          "base64encode",
          "base64decode",
          "encodeUrlComponent",
          "encodeUrl",
          "decodeUrlComponent",
          "decodeUrl",
          "eval",
          "toMillis",
          "fromMillis",
          "clone",
          "now",
          "millis",
          "partition",
          "range",
          "hash",
          "uuid",
          "parse");
  private static final int MAX_STATE_NAME = 80;

  private final UniqueNames stateNames = new UniqueNames();
  private final Map<String, String> variables = new HashMap<>();
  private final UniqueNames allocator = new UniqueNames().reserve(RESERVED);
  private final Set<String> pinned = new java.util.HashSet<>();

  AslNames(WorkflowIr workflow) {
    List<String> locals = new ArrayList<>();
    workflow.input().ifPresent(p -> locals.add(p.name()));
    locals.addAll(IrWalk.localNames(workflow.body()));
    for (String local : new LinkedHashSet<>(locals)) {
      String clean =
          local.startsWith("__") || !local.matches("[A-Za-z_][A-Za-z0-9_]*")
              ? "v" + local.replaceAll("[^A-Za-z0-9_]", "_")
              : local;
      String base = RESERVED.contains(clean) ? clean + "_" : clean;
      variables.put(local, allocator.next(base, n -> base + n));
    }
  }

  /**
   * A fresh variable the emitter itself needs (an error held while {@code finally} runs); it is
   * always assigned, whatever liveness says, since no Java local stands for it.
   */
  String fresh(String base) {
    String name = allocator.next(base, n -> base + "_" + n);
    pinned.add(name);
    return name;
  }

  /** Whether {@code variable} is one of the emitter's own. */
  boolean pinned(String variable) {
    return pinned.contains(variable);
  }

  /**
   * A loop Choice's name: {@code WhileAttempt} and {@code RepeatAttempt}, or {@code EachTicket} and
   * {@code NextTicket} for a for-each loop (lowered to {@code ticketIndex < ticketItems.size()}).
   */
  String loopName(String prefix, Expr condition) {
    if (condition instanceof Expr.Binary b
        && b.op() == Expr.BinaryOp.LESS
        && b.left() instanceof Expr.Local index
        && index.name().endsWith("Index")
        && b.right() instanceof Expr.Call c
        && c.builtin() == dev.statecraft.compiler.ir.Builtin.LIST_SIZE) {
      String variable = index.name().substring(0, index.name().length() - "Index".length());
      return (prefix.equals("While") ? "Each" : "Next") + pascal(variable);
    }
    return prefix + choiceName(condition).substring(2);
  }

  /** The ASL variable (without {@code $}) for a Java local. */
  String variable(String javaName) {
    String name = variables.get(javaName);
    if (name == null) {
      throw new IllegalStateException("no variable for local '" + javaName + "'");
    }
    return name;
  }

  /** A fresh state name from {@code base}. */
  String state(String base) {
    String b = base.length() > MAX_STATE_NAME - 4 ? base.substring(0, MAX_STATE_NAME - 4) : base;
    return stateNames.next(b, n -> b + "_" + n);
  }

  /** {@code answerWithStrongModel} or {@code "rate-limited"} as {@code AnswerWithStrongModel}. */
  String pascal(String text) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char ch : text.toCharArray()) {
      if (Character.isLetterOrDigit(ch) && ch < 128) {
        out.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      } else {
        upper = true;
      }
    }
    return out.toString();
  }

  /** A Choice's name from the names its condition reads: {@code IfConfidenceCategory}. */
  String choiceName(Expr condition) {
    Set<String> words = new LinkedHashSet<>();
    collect(condition, words);
    StringBuilder name = new StringBuilder("If");
    words.stream().limit(3).forEach(w -> name.append(pascal(w)));
    return name.toString();
  }

  private static void collect(Expr e, Set<String> words) {
    if (e instanceof Expr.FieldGet f) {
      collect(f.target(), new LinkedHashSet<>());
      words.add(f.field());
      return;
    }
    if (e instanceof Expr.Local l) {
      words.add(l.name());
      return;
    }
    for (Expr child : e.children()) {
      collect(child, words);
    }
  }
}
