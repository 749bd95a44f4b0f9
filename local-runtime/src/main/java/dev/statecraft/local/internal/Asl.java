package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The immutable model of an ASL definition, as {@link StateMachineParser} builds it: expressions
 * are compiled once here and reused by every execution.
 */
final class Asl {
  private Asl() {}

  enum QueryLanguage {
    JSONPATH,
    JSONATA
  }

  /** A whole definition. */
  record StateMachine(Graph graph, QueryLanguage language, Integer timeoutSeconds) {}

  /** A set of states with a start: the top level, a Parallel branch or a Map's processor. */
  record Graph(String startAt, Map<String, State> states) {
    State state(String name) {
      State state = states.get(name);
      if (state == null) {
        throw new IllegalStateException("no state named '" + name + "'");
      }
      return state;
    }
  }

  /**
   * What every state has. {@code inputPath}/{@code outputPath} null means the JSON {@code null}
   * path (an empty object); a {@link ResultTarget} with a null path discards the result.
   */
  record Common(
      String name,
      String type,
      QueryLanguage language,
      String next,
      boolean end,
      Selector inputPath,
      Selector outputPath,
      ResultTarget resultPath,
      Template parameters,
      Template resultSelector,
      Template output,
      Template assign,
      List<Retrier> retry,
      List<Catcher> catchers) {
    boolean jsonata() {
      return language == QueryLanguage.JSONATA;
    }
  }

  /** An InputPath or OutputPath: {@code path} null stands for the JSON null (an empty object). */
  record Selector(PathExpression path) {
    static final Selector ROOT = new Selector(PathExpression.compile("$"));
    static final Selector NULL = new Selector(null);

    boolean isRoot() {
      return this == ROOT;
    }
  }

  /** A ResultPath: {@code path} null discards the result and keeps the input. */
  record ResultTarget(PathExpression path) {
    static final ResultTarget ROOT = new ResultTarget(PathExpression.compile("$"));
    static final ResultTarget DISCARD = new ResultTarget(null);
  }

  /** One entry of {@code Retry}. */
  record Retrier(
      List<String> errorEquals,
      double intervalSeconds,
      int maxAttempts,
      double backoffRate,
      Long maxDelaySeconds,
      boolean fullJitter) {}

  /** One entry of {@code Catch}. */
  record Catcher(
      List<String> errorEquals,
      String next,
      ResultTarget resultPath,
      Template assign,
      Template output) {}

  sealed interface State
      permits TaskState,
          PassState,
          ChoiceState,
          WaitState,
          SucceedState,
          FailState,
          ParallelState,
          MapState {
    Common common();

    default String name() {
      return common().name();
    }
  }

  record TaskState(
      Common common,
      String resource,
      Template timeoutSeconds,
      PathExpression timeoutSecondsPath,
      Template heartbeatSeconds,
      PathExpression heartbeatSecondsPath)
      implements State {}

  record PassState(Common common, JsonNode result) implements State {}

  record ChoiceState(Common common, List<ChoiceBranch> choices, String defaultNext)
      implements State {}

  record WaitState(
      Common common,
      Template seconds,
      PathExpression secondsPath,
      Template timestamp,
      PathExpression timestampPath)
      implements State {}

  record SucceedState(Common common) implements State {}

  /** Error/Cause are literal or JSONata; ErrorPath/CausePath are paths or intrinsic calls. */
  record FailState(
      Common common, Template error, Template errorPath, Template cause, Template causePath)
      implements State {}

  record ParallelState(Common common, List<Graph> branches) implements State {}

  record MapState(
      Common common,
      Graph processor,
      PathExpression itemsPath,
      Template items,
      Template itemSelector,
      Template maxConcurrency,
      PathExpression maxConcurrencyPath,
      Template toleratedFailureCount,
      PathExpression toleratedFailureCountPath,
      Template toleratedFailurePercentage,
      PathExpression toleratedFailurePercentagePath)
      implements State {}

  /** One rule of a Choice state, with where it leads. */
  record ChoiceBranch(ChoiceRule rule, String next, Template assign, Template output) {}

  sealed interface ChoiceRule permits Comparison, And, Or, Not, Condition {}

  /** {@code Variable} compared by {@code operator} to a literal or, for {@code ...Path}, a path. */
  record Comparison(
      PathExpression variable, String operator, JsonNode value, PathExpression valuePath)
      implements ChoiceRule {}

  record And(List<ChoiceRule> rules) implements ChoiceRule {}

  record Or(List<ChoiceRule> rules) implements ChoiceRule {}

  record Not(ChoiceRule rule) implements ChoiceRule {}

  /** A JSONata {@code Condition}. */
  record Condition(Template condition) implements ChoiceRule {}
}
