package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.local.InvalidDefinitionException;
import dev.statecraft.local.internal.Asl.And;
import dev.statecraft.local.internal.Asl.Catcher;
import dev.statecraft.local.internal.Asl.ChoiceBranch;
import dev.statecraft.local.internal.Asl.ChoiceRule;
import dev.statecraft.local.internal.Asl.ChoiceState;
import dev.statecraft.local.internal.Asl.Common;
import dev.statecraft.local.internal.Asl.Comparison;
import dev.statecraft.local.internal.Asl.Condition;
import dev.statecraft.local.internal.Asl.FailState;
import dev.statecraft.local.internal.Asl.Graph;
import dev.statecraft.local.internal.Asl.MapState;
import dev.statecraft.local.internal.Asl.Not;
import dev.statecraft.local.internal.Asl.Or;
import dev.statecraft.local.internal.Asl.ParallelState;
import dev.statecraft.local.internal.Asl.PassState;
import dev.statecraft.local.internal.Asl.QueryLanguage;
import dev.statecraft.local.internal.Asl.ResultTarget;
import dev.statecraft.local.internal.Asl.Retrier;
import dev.statecraft.local.internal.Asl.Selector;
import dev.statecraft.local.internal.Asl.State;
import dev.statecraft.local.internal.Asl.StateMachine;
import dev.statecraft.local.internal.Asl.SucceedState;
import dev.statecraft.local.internal.Asl.TaskState;
import dev.statecraft.local.internal.Asl.WaitState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates an ASL definition into the {@link Asl} model, collecting every problem
 * before it throws {@link InvalidDefinitionException}.
 */
final class StateMachineParser {
  private static final Set<String> COMPARISONS =
      Set.of(
          "StringEquals",
          "StringLessThan",
          "StringGreaterThan",
          "StringLessThanEquals",
          "StringGreaterThanEquals",
          "StringMatches",
          "NumericEquals",
          "NumericLessThan",
          "NumericGreaterThan",
          "NumericLessThanEquals",
          "NumericGreaterThanEquals",
          "BooleanEquals",
          "TimestampEquals",
          "TimestampLessThan",
          "TimestampGreaterThan",
          "TimestampLessThanEquals",
          "TimestampGreaterThanEquals",
          "IsNull",
          "IsPresent",
          "IsNumeric",
          "IsString",
          "IsBoolean",
          "IsTimestamp");
  private static final Set<String> JSONPATH_ONLY =
      Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath");
  private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output");

  private final List<String> problems = new ArrayList<>();

  private StateMachineParser() {}

  /** Parses definition JSON text. */
  static StateMachine parse(String definitionJson) {
    JsonNode root;
    try {
      root = JsonCodec.parse(definitionJson);
    } catch (IllegalArgumentException e) {
      throw new InvalidDefinitionException(List.of("INVALID_JSON_DESCRIPTION: " + e.getMessage()));
    }
    return parse(root);
  }

  /** Parses a definition tree. */
  static StateMachine parse(JsonNode root) {
    StateMachineParser parser = new StateMachineParser();
    StateMachine machine = parser.machine(root);
    if (!parser.problems.isEmpty()) {
      throw new InvalidDefinitionException(parser.problems);
    }
    return machine;
  }

  private StateMachine machine(JsonNode root) {
    if (!root.isObject()) {
      problems.add("SCHEMA_VALIDATION_FAILED: The definition must be a JSON object at /");
      return null;
    }
    QueryLanguage language = language(root.get("QueryLanguage"), QueryLanguage.JSONPATH, "");
    Integer timeout = null;
    if (root.has("TimeoutSeconds")) {
      JsonNode node = root.get("TimeoutSeconds");
      if (node.canConvertToInt() && node.isIntegralNumber() && node.intValue() >= 0) {
        timeout = node.intValue();
      } else {
        problems.add(
            "SCHEMA_VALIDATION_FAILED: Expected a non-negative integer at /TimeoutSeconds");
      }
    }
    Graph graph = graph(root, "", language);
    return new StateMachine(graph, language, timeout);
  }

  private QueryLanguage language(JsonNode node, QueryLanguage fallback, String pointer) {
    if (node == null) {
      return fallback;
    }
    if ("JSONata".equals(node.asText())) {
      return QueryLanguage.JSONATA;
    }
    if ("JSONPath".equals(node.asText())) {
      if (fallback == QueryLanguage.JSONATA && !pointer.isEmpty()) {
        problems.add(
            "SCHEMA_VALIDATION_FAILED: The QueryLanguage 'JSONPath' cannot be used in a state"
                + " when the state machine uses 'JSONata' at "
                + pointer
                + "/QueryLanguage");
      }
      return QueryLanguage.JSONPATH;
    }
    problems.add(
        "SCHEMA_VALIDATION_FAILED: The value of the field 'QueryLanguage' must be 'JSONPath' or"
            + " 'JSONata' at "
            + pointer
            + "/QueryLanguage");
    return fallback;
  }

  private Graph graph(JsonNode node, String pointer, QueryLanguage language) {
    String startAt = text(node, "StartAt");
    JsonNode statesNode = node.get("States");
    if (startAt == null) {
      problems.add(
          "SCHEMA_VALIDATION_FAILED: These fields are required: [StartAt] at "
              + (pointer.isEmpty() ? "/" : pointer));
    }
    if (statesNode == null || !statesNode.isObject()) {
      problems.add(
          "SCHEMA_VALIDATION_FAILED: These fields are required: [States] at "
              + (pointer.isEmpty() ? "/" : pointer));
      return new Graph(startAt, Map.of());
    }
    Map<String, State> states = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : statesNode.properties()) {
      String statePointer = pointer + "/States/" + entry.getKey();
      State state = state(entry.getKey(), entry.getValue(), statePointer, language);
      if (state != null) {
        states.put(entry.getKey(), state);
      }
    }
    if (startAt != null && !statesNode.has(startAt)) {
      problems.add(
          "MISSING_TRANSITION_TARGET: State \""
              + startAt
              + "\" is not reachable at "
              + pointer
              + "/StartAt");
    }
    for (State state : states.values()) {
      checkTargets(state, statesNode, pointer + "/States/" + state.name());
    }
    return new Graph(startAt, Map.copyOf(states));
  }

  private void checkTargets(State state, JsonNode states, String pointer) {
    Common common = state.common();
    if (common.next() != null && !states.has(common.next())) {
      missingTarget("Next", common.next(), pointer + "/Next");
    }
    for (int i = 0; i < common.catchers().size(); i++) {
      String next = common.catchers().get(i).next();
      if (next != null && !states.has(next)) {
        missingTarget("Next", next, pointer + "/Catch[" + i + "]/Next");
      }
    }
    if (state instanceof ChoiceState) {
      ChoiceState choice = (ChoiceState) state;
      for (int i = 0; i < choice.choices().size(); i++) {
        String next = choice.choices().get(i).next();
        if (next != null && !states.has(next)) {
          missingTarget("Next", next, pointer + "/Choices[" + i + "]/Next");
        }
      }
      if (choice.defaultNext() != null && !states.has(choice.defaultNext())) {
        missingTarget("Default", choice.defaultNext(), pointer + "/Default");
      }
    }
  }

  private void missingTarget(String field, String target, String pointer) {
    problems.add(
        "MISSING_TRANSITION_TARGET: Missing '" + field + "' target: " + target + " at " + pointer);
  }

  private State state(String name, JsonNode node, String pointer, QueryLanguage inherited) {
    if (!node.isObject()) {
      problems.add("SCHEMA_VALIDATION_FAILED: A state must be a JSON object at " + pointer);
      return null;
    }
    if (name.length() > 80) {
      problems.add("SCHEMA_VALIDATION_FAILED: State name is longer than 80 at " + pointer);
    }
    String type = text(node, "Type");
    if (type == null) {
      problems.add("SCHEMA_VALIDATION_FAILED: These fields are required: [Type] at " + pointer);
      return null;
    }
    QueryLanguage language = language(node.get("QueryLanguage"), inherited, pointer);
    Common common = common(name, type, node, pointer, language);
    switch (type) {
      case "Pass":
        return new PassState(common, node.get("Result"));
      case "Task":
        return task(common, node, pointer);
      case "Choice":
        return choice(common, node, pointer);
      case "Wait":
        return waitState(common, node, pointer);
      case "Succeed":
        return new SucceedState(common);
      case "Fail":
        return fail(common, node, pointer);
      case "Parallel":
        return parallel(common, node, pointer);
      case "Map":
        return map(common, node, pointer);
      default:
        problems.add(
            "SCHEMA_VALIDATION_FAILED: Value is not a valid state type: "
                + type
                + " at "
                + pointer
                + "/Type");
        return null;
    }
  }

  private Common common(
      String name, String type, JsonNode node, String pointer, QueryLanguage language) {
    boolean jsonata = language == QueryLanguage.JSONATA;
    for (String field : jsonata ? JSONPATH_ONLY : JSONATA_ONLY) {
      if (node.has(field)) {
        problems.add(
            "SCHEMA_VALIDATION_FAILED: The field '"
                + field
                + "' is not supported when QueryLanguage is "
                + (jsonata ? "JSONata" : "JSONPath")
                + " at "
                + pointer
                + "/"
                + field);
      }
    }
    String next = text(node, "Next");
    boolean end = node.path("End").asBoolean(false);
    boolean terminal = Set.of("Choice", "Succeed", "Fail").contains(type);
    if (!terminal && next == null && !end) {
      problems.add("SCHEMA_VALIDATION_FAILED: No transition (Next or End) found at " + pointer);
    }
    if (next != null && end) {
      problems.add("SCHEMA_VALIDATION_FAILED: Next and End cannot both be set at " + pointer);
    }
    Template parameters =
        jsonata
            ? jsonataField(node, "Arguments", "Arguments")
            : payload(node, "Parameters", pointer);
    return new Common(
        name,
        type,
        language,
        next,
        end,
        selector(node, "InputPath", pointer),
        selector(node, "OutputPath", pointer),
        resultTarget(node, pointer),
        parameters,
        jsonata ? null : payload(node, "ResultSelector", pointer),
        jsonata ? jsonataField(node, "Output", "Output") : null,
        assign(node, pointer, jsonata),
        retriers(node.get("Retry"), pointer),
        catchers(node.get("Catch"), pointer, language));
  }

  private Template assign(JsonNode node, String pointer, boolean jsonata) {
    JsonNode assign = node.get("Assign");
    if (assign == null) {
      return null;
    }
    if (!assign.isObject()) {
      problems.add("SCHEMA_VALIDATION_FAILED: Assign must be a JSON object at " + pointer);
      return null;
    }
    return jsonata ? Template.jsonata(assign, "Assign") : payloadOf(assign, pointer + "/Assign");
  }

  private Template jsonataField(JsonNode node, String field, String label) {
    JsonNode value = node.get(field);
    return value == null ? null : Template.jsonata(value, label);
  }

  private Template payload(JsonNode node, String field, String pointer) {
    JsonNode value = node.get(field);
    return value == null ? null : payloadOf(value, pointer + "/" + field);
  }

  private Template payloadOf(JsonNode value, String pointer) {
    return Template.jsonPath(value, pointer, problems);
  }

  private Selector selector(JsonNode node, String field, String pointer) {
    if (!node.has(field)) {
      return Selector.ROOT;
    }
    JsonNode value = node.get(field);
    if (value.isNull()) {
      return Selector.NULL;
    }
    PathExpression path = path(value, field, pointer);
    return path == null ? Selector.ROOT : new Selector(path);
  }

  private ResultTarget resultTarget(JsonNode node, String pointer) {
    if (!node.has("ResultPath")) {
      return ResultTarget.ROOT;
    }
    return resultTargetOf(node.get("ResultPath"), pointer);
  }

  private ResultTarget resultTargetOf(JsonNode value, String pointer) {
    if (value == null) {
      return ResultTarget.ROOT;
    }
    if (value.isNull()) {
      return ResultTarget.DISCARD;
    }
    PathExpression path = path(value, "ResultPath", pointer);
    if (path == null) {
      return ResultTarget.ROOT;
    }
    if (!path.isReference()) {
      problems.add(
          "SCHEMA_VALIDATION_FAILED: The value for the field 'ResultPath' must be a valid"
              + " Reference Path at "
              + pointer
              + "/ResultPath");
      return ResultTarget.ROOT;
    }
    return new ResultTarget(path);
  }

  private PathExpression path(JsonNode value, String field, String pointer) {
    if (!value.isTextual()) {
      problems.add(
          "SCHEMA_VALIDATION_FAILED: The value for the field '"
              + field
              + "' must be a valid JSONPath at "
              + pointer
              + "/"
              + field);
      return null;
    }
    try {
      return PathExpression.compile(value.textValue());
    } catch (IllegalArgumentException e) {
      problems.add(
          "SCHEMA_VALIDATION_FAILED: The value for the field '"
              + field
              + "' must be a valid JSONPath at "
              + pointer
              + "/"
              + field);
      return null;
    }
  }

  private PathExpression optionalPath(JsonNode node, String field, String pointer) {
    JsonNode value = node.get(field);
    return value == null ? null : path(value, field, pointer);
  }

  private List<Retrier> retriers(JsonNode node, String pointer) {
    if (node == null) {
      return List.of();
    }
    List<Retrier> retriers = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode r = node.get(i);
      List<String> errors = errorEquals(r, pointer + "/Retry[" + i + "]");
      double interval = r.path("IntervalSeconds").asDouble(1);
      int maxAttempts = r.has("MaxAttempts") ? r.get("MaxAttempts").asInt() : 3;
      double backoff = r.path("BackoffRate").asDouble(2.0);
      Long maxDelay = r.has("MaxDelaySeconds") ? r.get("MaxDelaySeconds").asLong() : null;
      boolean fullJitter = "FULL".equals(r.path("JitterStrategy").asText("NONE"));
      if (backoff < 1.0) {
        problems.add(
            "SCHEMA_VALIDATION_FAILED: BackoffRate must be at least 1.0 at "
                + pointer
                + "/Retry["
                + i
                + "]/BackoffRate");
      }
      retriers.add(new Retrier(errors, interval, maxAttempts, backoff, maxDelay, fullJitter));
    }
    return List.copyOf(retriers);
  }

  private List<Catcher> catchers(JsonNode node, String pointer, QueryLanguage language) {
    if (node == null) {
      return List.of();
    }
    List<Catcher> catchers = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode c = node.get(i);
      String catchPointer = pointer + "/Catch[" + i + "]";
      boolean jsonata = language == QueryLanguage.JSONATA;
      String next = text(c, "Next");
      if (next == null) {
        problems.add(
            "SCHEMA_VALIDATION_FAILED: These fields are required: [Next] at " + catchPointer);
      }
      catchers.add(
          new Catcher(
              errorEquals(c, catchPointer),
              next,
              c.has("ResultPath")
                  ? resultTargetOf(c.get("ResultPath"), catchPointer)
                  : ResultTarget.ROOT,
              assign(c, catchPointer, jsonata),
              jsonata ? jsonataField(c, "Output", "Output") : null));
    }
    return List.copyOf(catchers);
  }

  private List<String> errorEquals(JsonNode node, String pointer) {
    JsonNode errors = node.get("ErrorEquals");
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      problems.add(
          "SCHEMA_VALIDATION_FAILED: These fields are required: [ErrorEquals] at " + pointer);
      return List.of();
    }
    List<String> names = new ArrayList<>();
    errors.forEach(error -> names.add(error.asText()));
    return List.copyOf(names);
  }

  private TaskState task(Common common, JsonNode node, String pointer) {
    String resource = text(node, "Resource");
    if (resource == null) {
      problems.add("SCHEMA_VALIDATION_FAILED: These fields are required: [Resource] at " + pointer);
    }
    return new TaskState(
        common,
        resource,
        number(node, "TimeoutSeconds", common),
        optionalPath(node, "TimeoutSecondsPath", pointer),
        number(node, "HeartbeatSeconds", common),
        optionalPath(node, "HeartbeatSecondsPath", pointer));
  }

  private Template number(JsonNode node, String field, Common common) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    return common.jsonata() ? Template.jsonata(value, field) : new Template.Literal(value);
  }

  private ChoiceState choice(Common common, JsonNode node, String pointer) {
    JsonNode choices = node.get("Choices");
    List<ChoiceBranch> branches = new ArrayList<>();
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      problems.add("SCHEMA_VALIDATION_FAILED: These fields are required: [Choices] at " + pointer);
    } else {
      for (int i = 0; i < choices.size(); i++) {
        JsonNode rule = choices.get(i);
        String rulePointer = pointer + "/Choices[" + i + "]";
        String next = text(rule, "Next");
        if (next == null) {
          problems.add(
              "SCHEMA_VALIDATION_FAILED: These fields are required: [Next] at " + rulePointer);
        }
        branches.add(
            new ChoiceBranch(
                rule(rule, rulePointer, common),
                next,
                assign(rule, rulePointer, common.jsonata()),
                common.jsonata() ? jsonataField(rule, "Output", "Output") : null));
      }
    }
    return new ChoiceState(common, List.copyOf(branches), text(node, "Default"));
  }

  private ChoiceRule rule(JsonNode node, String pointer, Common common) {
    if (common.jsonata()) {
      if (!node.has("Condition")) {
        problems.add(
            "SCHEMA_VALIDATION_FAILED: These fields are required: [Condition] at " + pointer);
        return new Condition(new Template.Literal(JsonCodec.NODES.booleanNode(false)));
      }
      return new Condition(Template.jsonata(node.get("Condition"), "Condition"));
    }
    if (node.has("And")) {
      return new And(rules(node.get("And"), pointer + "/And", common));
    }
    if (node.has("Or")) {
      return new Or(rules(node.get("Or"), pointer + "/Or", common));
    }
    if (node.has("Not")) {
      return new Not(rule(node.get("Not"), pointer + "/Not", common));
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      String operator = field.endsWith("Path") ? field.substring(0, field.length() - 4) : field;
      if (COMPARISONS.contains(operator) && !field.equals("IsPresentPath")) {
        PathExpression variable = optionalPath(node, "Variable", pointer);
        if (variable == null) {
          problems.add(
              "SCHEMA_VALIDATION_FAILED: These fields are required: [Variable] at " + pointer);
          return new Condition(new Template.Literal(JsonCodec.NODES.booleanNode(false)));
        }
        if (field.endsWith("Path")) {
          return new Comparison(variable, operator, null, path(node.get(field), field, pointer));
        }
        return new Comparison(variable, operator, node.get(field), null);
      }
    }
    problems.add("SCHEMA_VALIDATION_FAILED: No comparison operator found at " + pointer);
    return new Condition(new Template.Literal(JsonCodec.NODES.booleanNode(false)));
  }

  private List<ChoiceRule> rules(JsonNode node, String pointer, Common common) {
    List<ChoiceRule> rules = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      rules.add(rule(node.get(i), pointer + "[" + i + "]", common));
    }
    return List.copyOf(rules);
  }

  private WaitState waitState(Common common, JsonNode node, String pointer) {
    int given = 0;
    for (String field : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
      given += node.has(field) ? 1 : 0;
    }
    if (given != 1) {
      problems.add(
          "SCHEMA_VALIDATION_FAILED: A Wait state needs exactly one of Seconds, SecondsPath,"
              + " Timestamp or TimestampPath at "
              + pointer);
    }
    return new WaitState(
        common,
        number(node, "Seconds", common),
        optionalPath(node, "SecondsPath", pointer),
        number(node, "Timestamp", common),
        optionalPath(node, "TimestampPath", pointer));
  }

  private FailState fail(Common common, JsonNode node, String pointer) {
    return new FailState(
        common,
        number(node, "Error", common),
        dynamicText(node, "ErrorPath", pointer),
        number(node, "Cause", common),
        dynamicText(node, "CausePath", pointer));
  }

  private Template dynamicText(JsonNode node, String field, String pointer) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    Template compiled =
        Template.jsonPath(JsonCodec.object().set(field + ".$", value), pointer, problems);
    return compiled instanceof Template.ObjectTemplate
        ? ((Template.ObjectTemplate) compiled).fields().get(0).value()
        : null;
  }

  private ParallelState parallel(Common common, JsonNode node, String pointer) {
    JsonNode branches = node.get("Branches");
    List<Graph> graphs = new ArrayList<>();
    if (branches == null || !branches.isArray()) {
      problems.add("SCHEMA_VALIDATION_FAILED: These fields are required: [Branches] at " + pointer);
    } else {
      for (int i = 0; i < branches.size(); i++) {
        graphs.add(graph(branches.get(i), pointer + "/Branches[" + i + "]", common.language()));
      }
    }
    return new ParallelState(common, List.copyOf(graphs));
  }

  private MapState map(Common common, JsonNode node, String pointer) {
    JsonNode processor =
        node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
    Graph graph;
    if (processor == null) {
      problems.add(
          "SCHEMA_VALIDATION_FAILED: These fields are required: [ItemProcessor] at " + pointer);
      graph = new Graph(null, Map.of());
    } else {
      String field = node.has("ItemProcessor") ? "/ItemProcessor" : "/Iterator";
      graph =
          graph(
              processor,
              pointer + field,
              language(processor.get("QueryLanguage"), common.language(), pointer + field));
    }
    boolean jsonata = common.jsonata();
    Template selector =
        node.has("ItemSelector")
            ? (jsonata
                ? Template.jsonata(node.get("ItemSelector"), "ItemSelector")
                : payload(node, "ItemSelector", pointer))
            : (jsonata ? null : payload(node, "Parameters", pointer));
    return new MapState(
        common,
        graph,
        optionalPath(node, "ItemsPath", pointer),
        jsonata ? jsonataField(node, "Items", "Items") : null,
        selector,
        number(node, "MaxConcurrency", common),
        optionalPath(node, "MaxConcurrencyPath", pointer),
        number(node, "ToleratedFailureCount", common),
        optionalPath(node, "ToleratedFailureCountPath", pointer),
        number(node, "ToleratedFailurePercentage", common),
        optionalPath(node, "ToleratedFailurePercentagePath", pointer));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? null : value.textValue();
  }
}
