package dev.statecraft.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The workflows {@link CrashTest} runs, the activities behind them, and what every execution of
 * them must end with: status, output, and how many times each state is entered, exited and
 * scheduled.
 *
 * <p>Every task payload carries a {@code key} naming the task attempt (execution, state, Map index
 * or loop round, retry count), so that the activity log and the history can be matched attempt by
 * attempt.
 */
final class CrashScenarios {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:";
  static final String EXECUTION = "arn:aws:states:us-east-1:000000000000:execution:";

  /** JSONata: Task with Retry, Wait, Map (MaxConcurrency 2) of Task+Wait, callback with Catch. */
  static final String PIPELINE =
      """
      {"QueryLanguage": "JSONata", "StartAt": "Prepare", "States": {
        "Prepare": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Arguments": {"FunctionName": "work", "Payload": {
            "key": "{% $states.context.Execution.Name & '/Prepare/' & $states.context.State.RetryCount %}",
            "n": "{% $states.input.n %}", "flaky": "{% $states.input.n % 3 = 0 %}",
            "retry": "{% $states.context.State.RetryCount %}"}},
          "Retry": [{"ErrorEquals": ["States.TaskFailed"], "IntervalSeconds": 1, "MaxAttempts": 2,
            "BackoffRate": 1}],
          "Assign": {"base": "{% $states.result.Payload.v %}"},
          "Output": "{% $states.input %}", "Next": "Pause"},
        "Pause": {"Type": "Wait", "Seconds": 1, "Next": "Items"},
        "Items": {"Type": "Map", "Items": "{% $states.input.items %}", "MaxConcurrency": 2,
          "ItemSelector": {"index": "{% $states.context.Map.Item.Index %}",
            "x": "{% $states.context.Map.Item.Value %}"},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Square", "States": {
            "Square": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": {"FunctionName": "work", "Payload": {
                "key": "{% $states.context.Execution.Name & '/Square/' & $states.input.index & '/' & $states.context.State.RetryCount %}",
                "n": "{% $states.input.x %}", "flaky": "{% $states.input.x % 2 = 0 %}",
                "retry": "{% $states.context.State.RetryCount %}"}},
              "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 1}],
              "Output": "{% {'v': $states.result.Payload.v, 'base': $base} %}", "Next": "Rest"},
            "Rest": {"Type": "Wait", "Seconds": 1, "End": true}}},
          "Output": "{% {'n': $states.input.n, 'squares': $states.result} %}", "Next": "Approve"},
        "Approve": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Arguments": {"FunctionName": "approve", "Payload": {
            "token": "{% $states.context.Task.Token %}", "n": "{% $states.input.n %}",
            "key": "{% $states.context.Execution.Name & '/Approve/' & $states.context.State.RetryCount %}"}},
          "Output": "{% $merge([$states.input, {'approval': $states.result}]) %}",
          "Catch": [{"ErrorEquals": ["Rejected"], "Next": "Done",
            "Output": "{% $merge([$states.input, {'rejected': $states.errorOutput}]) %}"}],
          "Next": "Done"},
        "Done": {"Type": "Succeed"}}}
      """;

  /**
   * JSONPath: Parallel of (Task, Wait until a timestamp) and (Map, MaxConcurrency 3, of Task with
   * Retry and Catch), then a callback retried once on rejection and caught on the second.
   */
  static final String FANOUT =
      """
      {"StartAt": "Fan", "States": {
        "Fan": {"Type": "Parallel", "ResultSelector": {"timed.$": "$[0]", "each.$": "$[1]"},
          "ResultPath": "$.fan", "Next": "Ask", "Branches": [
          {"StartAt": "Stamp", "States": {
            "Stamp": {"Type": "Task", "Resource": "FUNCTION:work", "ResultPath": "$.stamp",
              "Parameters": {"n.$": "$.n",
                "key.$": "States.Format('{}/Stamp/{}', $$.Execution.Name, $$.State.RetryCount)"},
              "Next": "Until"},
            "Until": {"Type": "Wait", "TimestampPath": "$.until", "OutputPath": "$.stamp",
              "End": true}}},
          {"StartAt": "Each", "States": {
            "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 3,
              "ItemSelector": {"i.$": "$$.Map.Item.Index", "item.$": "$$.Map.Item.Value",
                "name.$": "$$.Execution.Name"},
              "ItemProcessor": {"StartAt": "Work", "States": {
                "Work": {"Type": "Task", "Resource": "FUNCTION:work",
                  "Parameters": {"n.$": "$.item.x", "flaky.$": "$.item.flaky",
                    "bad.$": "$.item.bad", "retry.$": "$$.State.RetryCount",
                    "key.$": "States.Format('{}/Work/{}/{}', $.name, $.i, $$.State.RetryCount)"},
                  "ResultSelector": {"v.$": "$.v"},
                  "Retry": [{"ErrorEquals": ["States.TaskFailed"], "IntervalSeconds": 1,
                    "MaxAttempts": 1}],
                  "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error",
                    "Next": "Fallback"}],
                  "End": true},
                "Fallback": {"Type": "Pass",
                  "Parameters": {"fallback.$": "$.i", "error.$": "$.error.Error"}, "End": true}}},
              "End": true}}}]},
        "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "approve", "Payload": {"token.$": "$$.Task.Token",
            "n.$": "$.n",
            "key.$": "States.Format('{}/Ask/{}', $$.Execution.Name, $$.State.RetryCount)"}},
          "ResultPath": "$.approval",
          "Retry": [{"ErrorEquals": ["Rejected"], "IntervalSeconds": 1, "MaxAttempts": 1}],
          "Catch": [{"ErrorEquals": ["Rejected"], "ResultPath": "$.rejected", "Next": "Finish"}],
          "Next": "Finish"},
        "Finish": {"Type": "Pass", "End": true}}}
      """
          .replace("FUNCTION:", FUNCTION);

  /** JSONata: a Choice loop around a Task and a Wait, accumulating in variables. */
  static final String LOOP =
      """
      {"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
        "Init": {"Type": "Pass", "Assign": {"i": 0, "acc": []}, "Next": "Step"},
        "Step": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Arguments": {"FunctionName": "work", "Payload": {"n": "{% $i %}",
            "key": "{% $states.context.Execution.Name & '/Step/' & $i & '/' & $states.context.State.RetryCount %}"}},
          "Assign": {"acc": "{% $append($acc, [$states.result.Payload.v]) %}", "i": "{% $i + 1 %}"},
          "Output": "{% $states.input %}", "Next": "More"},
        "More": {"Type": "Choice", "Default": "Done",
          "Choices": [{"Condition": "{% $i < $states.input.rounds %}", "Next": "Nap"}]},
        "Nap": {"Type": "Wait", "Seconds": 1, "Next": "Step"},
        "Done": {"Type": "Succeed", "Output": "{% {'acc': $acc, 'rounds': $i} %}"}}}
      """;

  /**
   * JSONPath: a Parallel whose second branch fails while the first still runs a slow task; the
   * failure is caught, then the execution fails or succeeds as its input says.
   */
  static final String DOOMED =
      """
      {"StartAt": "Split", "States": {
        "Split": {"Type": "Parallel", "Next": "Check",
          "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.caught", "Next": "Check"}],
          "Branches": [
          {"StartAt": "Slow", "States": {"Slow": {"Type": "Task", "Resource": "FUNCTION:slow",
            "Parameters": {
              "key.$": "States.Format('{}/Slow/{}', $$.Execution.Name, $$.State.RetryCount)"},
            "End": true}}},
          {"StartAt": "Brief", "States": {
            "Brief": {"Type": "Wait", "Seconds": 1, "Next": "Boom"},
            "Boom": {"Type": "Task", "Resource": "FUNCTION:work",
              "Parameters": {"n": 1, "bad": true,
                "key.$": "States.Format('{}/Boom/{}', $$.Execution.Name, $$.State.RetryCount)"},
              "End": true}}}]},
        "Check": {"Type": "Choice", "Default": "Spared",
          "Choices": [{"Variable": "$.fatal", "BooleanEquals": true, "Next": "Fatal"}]},
        "Fatal": {"Type": "Fail", "Error": "Doomed", "Cause": "the parallel state failed"},
        "Spared": {"Type": "Pass", "End": true}}}
      """
          .replace("FUNCTION:", FUNCTION);

  /**
   * JSONata: a Map of many short iterations without MaxConcurrency, so that several workers step
   * branches of one execution at the same time.
   */
  static final String WIDE =
      """
      {"QueryLanguage": "JSONata", "StartAt": "Spread", "States": {
        "Spread": {"Type": "Map", "Items": "{% [1..$states.input.width] %}", "Next": "Sum",
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Double", "States": {
            "Double": {"Type": "Pass", "Output": "{% $states.input * 2 %}", "Next": "Inc"},
            "Inc": {"Type": "Pass", "Output": "{% $states.input + 1 %}", "End": true}}}},
        "Sum": {"Type": "Pass", "End": true,
          "Output": "{% {'sum': $sum($states.input), 'width': $count($states.input)} %}"}}}
      """;

  static final Map<String, String> DEFINITIONS =
      Map.of("pipeline", PIPELINE, "fanout", FANOUT, "loop", LOOP, "doomed", DOOMED, "wide", WIDE);

  /** How many workflows there are; {@link #random} takes a kind below this. */
  static final int KINDS = 5;

  /** How long the slow activity takes: far longer than the branch that fails beside it. */
  static final long SLOW_MILLIS = 3_000;

  private CrashScenarios() {}

  // ---- the activities -----------------------------------------------------------------------

  /** What {@code work} returns for {@code n}. */
  static int square(int n) {
    return n * n + 1;
  }

  /** How long an activity or a callback answer takes, from 20 to 250 ms, fixed per key. */
  static long delayMillis(String key) {
    return 20 + Math.floorMod(key.hashCode(), 231);
  }

  /** Whether the callback attempt {@code key} (ending in its retry count) is rejected. */
  static boolean rejects(String key, int n) {
    int attempt = Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
    return attempt < n % 3;
  }

  /** What the callback answers an approved attempt with. */
  static String approval(String key) {
    return "{\"ok\":\"" + key + "\"}";
  }

  /** A failure the activity {@code work} throws once when asked to ({@code flaky}). */
  static final class Flaky extends RuntimeException {
    private static final long serialVersionUID = 1;

    Flaky() {
      super("flaky");
    }
  }

  /** The failure the activity {@code work} always throws when asked to ({@code bad}). */
  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1;

    Boom() {
      super("boom");
    }
  }

  // ---- requests -----------------------------------------------------------------------------

  /** One execution the test asks for: one line of the request file. */
  record Request(String name, String machine, JsonNode input) {
    String arn() {
      return EXECUTION + machine + ":" + name;
    }

    String line() {
      return name + "\t" + machine + "\t" + input;
    }

    static Request parse(String line) {
      String[] fields = line.split("\t", 3);
      return new Request(fields[0], fields[1], json(fields[2]));
    }
  }

  /** A random execution of a random workflow; {@code now} places the timestamps of waits. */
  static Request random(Random random, String name, Instant now) {
    return random(random, name, now, random.nextInt(KINDS));
  }

  /** A random execution of workflow {@code kind}, from 0 to {@link #KINDS} - 1. */
  static Request random(Random random, String name, Instant now, int kind) {
    ObjectNode input = JSON.createObjectNode();
    int n = random.nextInt(12);
    switch (kind) {
      case 0 -> {
        input.put("n", n);
        ArrayNode items = input.putArray("items");
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
          items.add(random.nextInt(10));
        }
        return new Request(name, "pipeline", input);
      }
      case 1 -> {
        input.put("n", n);
        input.put(
            "until",
            now.plusSeconds(1 + random.nextInt(3)).truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode items = input.putArray("items");
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
          int outcome = random.nextInt(4);
          items
              .addObject()
              .put("x", random.nextInt(10))
              .put("flaky", outcome == 1)
              .put("bad", outcome == 2);
        }
        return new Request(name, "fanout", input);
      }
      case 2 -> {
        input.put("rounds", 1 + random.nextInt(3));
        return new Request(name, "loop", input);
      }
      case 3 -> {
        input.put("width", 8 + random.nextInt(17));
        return new Request(name, "wide", input);
      }
      default -> {
        input.put("fatal", random.nextBoolean());
        return new Request(name, "doomed", input);
      }
    }
  }

  // ---- what each execution must end with ---------------------------------------------------

  /**
   * The end of one execution.
   *
   * @param entered how many {@code ...StateEntered} events each state has
   * @param exited how many {@code ...StateExited} events each state has
   * @param scheduled how many task attempts ({@code TaskScheduled}) each Task state has
   */
  record Expected(
      ExecutionStatus status,
      JsonNode output,
      String error,
      String cause,
      Map<String, Integer> entered,
      Map<String, Integer> exited,
      Map<String, Integer> scheduled) {}

  static Expected expect(Request request) {
    return switch (request.machine()) {
      case "pipeline" -> pipeline(request);
      case "fanout" -> fanout(request);
      case "loop" -> loop(request);
      case "doomed" -> doomed(request);
      case "wide" -> wide(request);
      default -> throw new IllegalArgumentException(request.machine());
    };
  }

  private static Expected pipeline(Request request) {
    int n = request.input().get("n").asInt();
    JsonNode items = request.input().get("items");
    ObjectNode output = JSON.createObjectNode().put("n", n);
    ArrayNode squares = output.putArray("squares");
    int squareAttempts = 0;
    for (JsonNode item : items) {
      squares.addObject().put("v", square(item.asInt())).put("base", square(n));
      squareAttempts += item.asInt() % 2 == 0 ? 2 : 1;
    }
    String key = request.name() + "/Approve/0";
    if (rejects(key, n)) {
      output.putObject("rejected").put("Error", "Rejected").put("Cause", "no " + key);
    } else {
      output.set("approval", json(approval(key)));
    }
    Counts counts = new Counts();
    counts.passes("Prepare", "Pause", "Items", "Approve", "Done");
    counts.passes("Square", items.size());
    counts.passes("Rest", items.size());
    counts.scheduled("Prepare", n % 3 == 0 ? 2 : 1);
    counts.scheduled("Square", squareAttempts);
    counts.scheduled("Approve", 1);
    return counts.succeeded(output);
  }

  private static Expected fanout(Request request) {
    int n = request.input().get("n").asInt();
    ObjectNode output = request.input().deepCopy();
    ObjectNode fan = output.putObject("fan");
    fan.putObject("timed").put("v", square(n));
    ArrayNode each = fan.putArray("each");
    Counts counts = new Counts();
    int index = 0;
    int workAttempts = 0;
    for (JsonNode item : request.input().get("items")) {
      if (item.get("bad").asBoolean()) {
        each.addObject().put("fallback", index).put("error", Boom.class.getName());
        counts.passes("Fallback");
      } else {
        each.addObject().put("v", square(item.get("x").asInt()));
      }
      workAttempts += item.get("bad").asBoolean() || item.get("flaky").asBoolean() ? 2 : 1;
      index++;
    }
    String lastKey = request.name() + "/Ask/" + (n % 3 == 0 ? 0 : 1);
    if (rejects(lastKey, n)) {
      output.putObject("rejected").put("Error", "Rejected").put("Cause", "no " + lastKey);
    } else {
      output.set("approval", json(approval(lastKey)));
    }
    counts.passes("Fan", "Stamp", "Until", "Each", "Ask", "Finish");
    counts.passes("Work", index);
    counts.scheduled("Stamp", 1);
    counts.scheduled("Work", workAttempts);
    counts.scheduled("Ask", n % 3 == 0 ? 1 : 2);
    return counts.succeeded(output);
  }

  private static Expected loop(Request request) {
    int rounds = request.input().get("rounds").asInt();
    ObjectNode output = JSON.createObjectNode();
    ArrayNode acc = output.putArray("acc");
    for (int i = 0; i < rounds; i++) {
      acc.add(square(i));
    }
    output.put("rounds", rounds);
    Counts counts = new Counts();
    counts.passes("Init", "Done");
    counts.passes("Step", rounds);
    counts.passes("More", rounds);
    counts.passes("Nap", rounds - 1);
    counts.scheduled("Step", rounds);
    return counts.succeeded(output);
  }

  private static Expected wide(Request request) {
    int width = request.input().get("width").asInt();
    Counts counts = new Counts();
    counts.passes("Spread", "Sum");
    counts.passes("Double", width);
    counts.passes("Inc", width);
    return counts.succeeded(
        JSON.createObjectNode().put("sum", width * width + 2 * width).put("width", width));
  }

  private static Expected doomed(Request request) {
    boolean fatal = request.input().get("fatal").asBoolean();
    Counts counts = new Counts();
    counts.passes("Split", "Brief", "Check");
    counts.entered("Slow", 1);
    counts.entered("Boom", 1);
    counts.scheduled("Slow", 1);
    counts.scheduled("Boom", 1);
    if (fatal) {
      counts.entered("Fatal", 1);
      return new Expected(
          ExecutionStatus.FAILED,
          null,
          "Doomed",
          "the parallel state failed",
          counts.entered,
          counts.exited,
          counts.scheduled);
    }
    counts.passes("Spared");
    ObjectNode output = request.input().deepCopy();
    String cause =
        "{\"errorMessage\":\"boom\",\"errorType\":\""
            + Boom.class.getName()
            + "\",\"stackTrace\":[]}";
    output.putObject("caught").put("Error", Boom.class.getName()).put("Cause", cause);
    return counts.succeeded(output);
  }

  /** Counts of events per state name, built up by the models above. */
  private static final class Counts {
    final Map<String, Integer> entered = new TreeMap<>();
    final Map<String, Integer> exited = new TreeMap<>();
    final Map<String, Integer> scheduled = new TreeMap<>();

    void passes(String... states) {
      for (String state : states) {
        passes(state, 1);
      }
    }

    void passes(String state, int times) {
      entered(state, times);
      exited.merge(state, times, Integer::sum);
    }

    void entered(String state, int times) {
      entered.merge(state, times, Integer::sum);
    }

    void scheduled(String state, int times) {
      scheduled.merge(state, times, Integer::sum);
    }

    Expected succeeded(JsonNode output) {
      entered.values().removeIf(count -> count == 0);
      exited.values().removeIf(count -> count == 0);
      return new Expected(
          ExecutionStatus.SUCCEEDED, output, null, null, entered, exited, scheduled);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
