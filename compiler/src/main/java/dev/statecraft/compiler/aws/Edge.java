package dev.statecraft.compiler.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A way out of an emitted state, not yet connected to the next one, carrying the workflow code that
 * runs along it as pending assignments. Straight-line code between two states costs no state
 * transition: when the next state is known, the pending assignments go into the {@code Assign} of
 * the state (or Choice rule) the edge leaves, where every expression sees the variables as they
 * were before the state, so later assignments are rendered as JSONata blocks that rebind earlier
 * ones.
 */
final class Edge {
  /** Where an edge leaves from, which decides what it can carry. */
  enum Kind {
    /** The start of the workflow: no state to assign on; the first state inlines the code. */
    ENTRY,
    /** A Task, Pass or Wait state's single exit: {@code Assign} and {@code Next} or {@code End}. */
    STATE,
    /** A Choice rule: {@code Assign} and {@code Next}, never {@code End}. */
    RULE,
    /** A Choice's fall-through: {@code Default}, or a final always-true rule when it assigns. */
    OTHERWISE,
    /** A {@code Catch} entry of a Task, Map or Parallel: {@code Assign} and {@code Next}. */
    CATCH,
    /**
     * Not a way out of a state: rides along with the edges entering a loop body and remembers which
     * state the body starts with and the code before it, so the next iteration can jump there
     * directly.
     */
    MARK
  }

  /** One pending assignment: {@code $variable := expression}, in terms of earlier ones. */
  record Pending(String variable, Jsonata expression) {}

  final Kind kind;

  /** The state (STATE, OTHERWISE) or the rule object (RULE) that carries the edge. */
  final ObjectNode owner;

  final List<Pending> pending;

  /** For a {@link Kind#MARK}: the state it reached and the variables live there. */
  String marked;

  Set<String> markedLive;

  Edge(Kind kind, ObjectNode owner, List<Pending> pending) {
    this.kind = kind;
    this.owner = owner;
    this.pending = new ArrayList<>(pending);
  }

  Edge copyTo(Kind newKind, ObjectNode newOwner) {
    return new Edge(newKind, newOwner, pending);
  }

  boolean canEnd() {
    return kind == Kind.STATE;
  }
}
