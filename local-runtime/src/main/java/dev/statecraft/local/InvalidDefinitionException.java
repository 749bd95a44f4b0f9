package dev.statecraft.local;

import java.util.List;

/**
 * A state machine definition that Step Functions would refuse at {@code CreateStateMachine}.
 *
 * <p>The message follows AWS's wording, for example {@code Invalid State Machine Definition:
 * 'MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /States/A/Next'}. {@link #problems()}
 * lists each problem on its own, as {@code CODE: message at /json/pointer}.
 */
public final class InvalidDefinitionException extends IllegalArgumentException {
  private final List<String> problems;

  /** Creates the exception for one or more problems, each {@code CODE: message at /pointer}. */
  public InvalidDefinitionException(List<String> problems) {
    super("Invalid State Machine Definition: '" + String.join(", ", problems) + "'");
    this.problems = List.copyOf(problems);
  }

  /** Each problem found, in document order. */
  public List<String> problems() {
    return problems;
  }
}
