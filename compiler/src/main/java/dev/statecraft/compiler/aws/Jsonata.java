package dev.statecraft.compiler.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A JSONata expression as text, the workflow variables it reads, and its binding strength, so
 * callers parenthesize only where JSONata's precedence requires.
 *
 * @param text the expression
 * @param reads names of the workflow variables it reads (without {@code $})
 * @param precedence higher binds tighter; {@link #ATOM} needs no parentheses anywhere
 * @param constant the JSON value when the expression is a literal, else {@code null}
 */
record Jsonata(String text, Set<String> reads, int precedence, JsonNode constant) {
  static final int CONDITIONAL = 1;
  static final int OR = 2;
  static final int AND = 3;
  static final int COMPARISON = 4;
  static final int ADDITIVE = 5;
  static final int MULTIPLICATIVE = 6;
  static final int UNARY = 7;
  static final int ATOM = 8;

  Jsonata {
    reads = Set.copyOf(reads);
  }

  Jsonata(String text, Set<String> reads, int precedence) {
    this(text, reads, precedence, null);
  }

  static Jsonata atom(String text) {
    return new Jsonata(text, Set.of(), ATOM);
  }

  /** A literal: its JSONata spelling and its JSON value. */
  static Jsonata constant(String text, JsonNode value, int precedence) {
    return new Jsonata(text, Set.of(), precedence, value);
  }

  /** The text, parenthesized if it binds looser than {@code context}. */
  String at(int context) {
    return precedence < context ? "(" + text + ")" : text;
  }

  /** Whether the expression is a constant that can stand in ASL without {@code {% %}}. */
  boolean isLiteral() {
    if (constant == null) {
      return false;
    }
    String text = constant.isTextual() ? constant.asText() : null;
    // asl-validator accepts no empty strings and reads "{% ... %}" strings as JSONata.
    return text == null || !(text.isEmpty() || text.startsWith("{%") && text.endsWith("%}"));
  }
}
