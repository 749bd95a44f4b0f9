package dev.statecraft.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.local.CrashScenarios.Expected;
import dev.statecraft.local.CrashScenarios.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks what one lane of {@link CrashTest} left behind: its database, read by a fresh engine that
 * resumes nothing, against the requests, the activity log of {@link CrashTestEngineMain} and the
 * lifetimes of its processes. An event belongs to the process (epoch) whose lifetime holds its
 * timestamp: events are stamped by the process that records them.
 */
final class CrashAudit {
  /** One engine process: from just before its start to just after its death. */
  record Epoch(int number, Instant start, Instant end, long killAfterMillis, int exitValue) {
    @Override
    public String toString() {
      return "epoch "
          + number
          + " "
          + start
          + " .. "
          + end
          + (killAfterMillis < 0 ? " final" : " killed after " + killAfterMillis + " ms")
          + " exit "
          + exitValue;
    }
  }

  /** How much of what the test is for actually happened. */
  static final class Coverage {
    int kills;
    int killsBeforeResume;
    int killsRightAfterACommit;
    int executions;
    int invocations;
    int repeatedInvocations;
    int attemptsInFlightAtAKill;
    int tokensAnsweredAfterAKill;

    void add(Coverage other) {
      kills += other.kills;
      killsBeforeResume += other.killsBeforeResume;
      killsRightAfterACommit += other.killsRightAfterACommit;
      executions += other.executions;
      invocations += other.invocations;
      repeatedInvocations += other.repeatedInvocations;
      attemptsInFlightAtAKill += other.attemptsInFlightAtAKill;
      tokensAnsweredAfterAKill += other.tokensAnsweredAfterAKill;
    }

    @Override
    public String toString() {
      return kills
          + " kills ("
          + killsBeforeResume
          + " before the engine had resumed, "
          + killsRightAfterACommit
          + " right after a commit), "
          + executions
          + " executions, "
          + invocations
          + " activity invocations, "
          + attemptsInFlightAtAKill
          + " task attempts outlived a kill ("
          + repeatedInvocations
          + " invocations repeated), "
          + tokensAnsweredAfterAKill
          + " callback tokens answered after a kill";
    }
  }

  /** The verdict on one lane. */
  record Report(int lane, Path dir, List<String> problems, Coverage coverage, String details) {
    static Report failedEarly(int lane, Path dir, List<String> problems, String output) {
      return new Report(lane, dir, problems, new Coverage(), "last output:\n" + output);
    }

    String summary() {
      return "lane " + lane + ": " + coverage + (problems.isEmpty() ? "" : ", FAILED");
    }

    String failureText() {
      StringBuilder text = new StringBuilder();
      text.append("lane ").append(lane).append(" (").append(dir).append("): ");
      text.append(problems.size()).append(" problems\n");
      problems.stream().limit(40).forEach(p -> text.append("  ").append(p).append('\n'));
      return text.append(details).toString();
    }
  }

  /** A task attempt as the history shows it; {@code end} is where it completed or was aborted. */
  private record Attempt(
      String key,
      String execution,
      int scheduled,
      int end,
      HistoryEvent completion,
      boolean callback) {}

  private static final Set<String> COMPLETIONS = Set.of("TaskSucceeded", "TaskFailed");
  private static final Set<String> ENDS =
      Set.of("ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut");

  private final int lane;
  private final Path dir;
  private final List<Request> requests;
  private final List<Epoch> epochs;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> suspects = new LinkedHashSet<>();
  private final Coverage coverage = new Coverage();
  private final Map<String, Attempt> attempts = new HashMap<>();
  private final Map<String, Integer> startEpochs = new HashMap<>();
  private final Map<String, List<HistoryEvent>> histories = new HashMap<>();
  private final Map<String, ExecutionResult> results = new HashMap<>();
  private List<String[]> log;

  CrashAudit(int lane, Path dir, List<Request> requests, List<Epoch> epochs, List<String> found) {
    this.lane = lane;
    this.dir = dir;
    this.requests = requests;
    this.epochs = epochs;
    problems.addAll(found);
  }

  Report audit() throws IOException {
    log = new ArrayList<>();
    for (String line : CrashTestEngineMain.completeLines(dir.resolve("activity.log"))) {
      log.add(line.split("\t"));
    }
    coverage.kills = epochs.size() - 1;
    coverage.executions = requests.size();
    try (LocalEngine engine = LocalEngine.open(EngineOptions.durable(dir.resolve("engine.db")))) {
      for (Request request : requests) {
        checkExecution(engine, request);
      }
    }
    checkStarts();
    checkInvocations();
    checkCallbacks();
    countKillsBeforeResume();
    String details = details();
    Files.writeString(
        dir.resolve("report.txt"),
        String.join("\n", problems) + "\n\n" + coverage + "\n\n" + details);
    return new Report(lane, dir, List.copyOf(problems), coverage, details);
  }

  // ---- executions ---------------------------------------------------------------------------

  private void checkExecution(LocalEngine engine, Request request) {
    String name = request.name();
    ExecutionResult result = engine.describe(request.arn()).orElse(null);
    if (result == null) {
      problem(name, "lost: the database has no such execution");
      return;
    }
    results.put(name, result);
    Expected expected = CrashScenarios.expect(request);
    if (result.status() != expected.status()
        || !Objects.equals(result.error(), expected.error())
        || !Objects.equals(result.cause(), expected.cause())
        || !Objects.equals(
            result.outputJson() == null ? null : CrashScenarios.json(result.outputJson()),
            expected.output())) {
      problem(
          name,
          "ended "
              + result.status()
              + " "
              + (result.outputJson() != null
                  ? result.outputJson()
                  : result.error() + ": " + result.cause())
              + "; expected "
              + expected.status()
              + " "
              + (expected.output() != null
                  ? expected.output()
                  : expected.error() + ": " + expected.cause()));
    }
    List<HistoryEvent> history = engine.history(request.arn());
    histories.put(name, history);
    checkHistory(name, result, expected, history);
  }

  private void checkHistory(
      String name, ExecutionResult result, Expected expected, List<HistoryEvent> history) {
    if (history.isEmpty()) {
      problem(name, "has no history");
      return;
    }
    Map<Long, HistoryEvent> byId = new HashMap<>();
    Map<Long, HistoryEvent> next = new HashMap<>();
    for (int i = 0; i < history.size(); i++) {
      HistoryEvent e = history.get(i);
      if (e.id() != i + 1 && (i == 0 || e.id() != history.get(i - 1).id() + 1)) {
        problem(name, "event ids are not 1..n: event " + (i + 1) + " has id " + e.id());
      }
      byId.put(e.id(), e);
      if (e.previousEventId() < 0 || e.previousEventId() >= e.id()) {
        problem(name, "event " + e.id() + " follows event " + e.previousEventId());
      } else if (e.previousEventId() > 0) {
        HistoryEvent other = next.put(e.previousEventId(), e);
        if (other != null) {
          problem(
              name,
              "events "
                  + other.id()
                  + " and "
                  + e.id()
                  + " both follow event "
                  + e.previousEventId()
                  + ": one step of a branch was committed twice");
        }
      }
      if (i > 0 && e.timestamp().isBefore(history.get(i - 1).timestamp())) {
        problem(name, "event " + e.id() + " is older than event " + (e.id() - 1));
      }
      if (epochOf(e.timestamp()) < 0) {
        problem(name, "event " + e.id() + " was stamped outside every process: " + e.timestamp());
      }
    }
    HistoryEvent first = history.get(0);
    HistoryEvent last = history.get(history.size() - 1);
    long ends = history.stream().filter(e -> ENDS.contains(e.type())).count();
    if (!first.type().equals("ExecutionStarted")) {
      problem(name, "starts with " + first.type());
    }
    if (ends != 1 || !ENDS.contains(last.type())) {
      problem(name, "has " + ends + " end events; the last event is " + last.type());
    }
    startEpochs.put(name, epochOf(first.timestamp()));
    checkCounts(name, result, expected, history, byId, next);
  }

  private void checkCounts(
      String name,
      ExecutionResult result,
      Expected expected,
      List<HistoryEvent> history,
      Map<Long, HistoryEvent> byId,
      Map<Long, HistoryEvent> next) {
    Map<String, Integer> entered = new TreeMap<>();
    Map<String, Integer> exited = new TreeMap<>();
    Map<String, Integer> scheduled = new TreeMap<>();
    int taskEntered = 0;
    for (HistoryEvent e : history) {
      String type = e.type();
      if (type.endsWith("StateEntered")) {
        entered.merge(e.details().path("name").asText(), 1, Integer::sum);
        taskEntered += type.equals("TaskStateEntered") ? 1 : 0;
      } else if (type.endsWith("StateExited")) {
        exited.merge(e.details().path("name").asText(), 1, Integer::sum);
      } else if (type.equals("TaskScheduled")) {
        scheduled.merge(stateOf(e, byId), 1, Integer::sum);
        recordAttempt(name, e, history, next);
      }
    }
    compare(name, "entered", expected.entered(), entered);
    compare(name, "exited", expected.exited(), exited);
    compare(name, "scheduled", expected.scheduled(), scheduled);
    int total = entered.values().stream().mapToInt(Integer::intValue).sum();
    int attemptsTotal = scheduled.values().stream().mapToInt(Integer::intValue).sum();
    long transitions = total + attemptsTotal - taskEntered;
    if (result.stateTransitions() != transitions) {
      problem(
          name,
          "reports "
              + result.stateTransitions()
              + " state transitions; its history has "
              + transitions);
    }
  }

  private void compare(
      String name, String what, Map<String, Integer> expected, Map<String, Integer> actual) {
    if (!expected.equals(actual)) {
      problem(name, "states " + what + ": " + actual + ", expected " + expected);
    }
  }

  /** The state of a TaskScheduled event: the TaskStateEntered its branch last recorded. */
  private static String stateOf(HistoryEvent e, Map<Long, HistoryEvent> byId) {
    HistoryEvent at = e;
    while (at != null && !at.type().endsWith("StateEntered")) {
      at = byId.get(at.previousEventId());
    }
    return at == null ? "?" : at.details().path("name").asText();
  }

  private void recordAttempt(
      String name,
      HistoryEvent scheduled,
      List<HistoryEvent> history,
      Map<Long, HistoryEvent> next) {
    JsonNode parameters = CrashScenarios.json(scheduled.details().path("parameters").asText());
    String key = parameters.has("Payload") ? parameters.at("/Payload/key").asText() : null;
    key = key == null ? parameters.path("key").asText() : key;
    HistoryEvent started = next.get(scheduled.id());
    if (started == null || !started.type().equals("TaskStarted")) {
      problem(name, "TaskScheduled " + scheduled.id() + " is not followed by TaskStarted");
      return;
    }
    HistoryEvent completion = next.get(started.id());
    if (completion != null && !COMPLETIONS.contains(completion.type())) {
      problem(name, "TaskStarted " + started.id() + " is followed by " + completion.type());
      completion = null;
    }
    HistoryEvent end = completion;
    for (int i = (int) scheduled.id(); end == null && i < history.size(); i++) {
      String type = history.get(i).type();
      if (type.equals("MapStateFailed") || type.equals("ParallelStateFailed")) {
        // Aborted when the failure of a branch beside it was committed, the event before.
        end = history.get(i - 1);
      } else if (ENDS.contains(type)) {
        end = history.get(i);
      }
    }
    boolean callback = scheduled.details().path("resource").asText().endsWith("waitForTaskToken");
    Attempt attempt =
        new Attempt(
            key,
            name,
            epochOf(scheduled.timestamp()),
            end == null ? Integer.MAX_VALUE : epochOf(end.timestamp()),
            completion,
            callback);
    if (attempts.put(key, attempt) != null) {
      problem(name, "two task attempts have the key " + key);
    }
  }

  // ---- activities, callbacks, starts --------------------------------------------------------

  private void checkInvocations() {
    Map<String, List<Integer>> invoked = new LinkedHashMap<>();
    for (String[] line : log) {
      if (line[0].equals("invoke")) {
        invoked.computeIfAbsent(line[2], k -> new ArrayList<>()).add(Integer.parseInt(line[1]));
      }
    }
    for (Map.Entry<String, List<Integer>> entry : invoked.entrySet()) {
      String key = entry.getKey();
      List<Integer> epochsRun = entry.getValue();
      coverage.invocations += epochsRun.size();
      coverage.repeatedInvocations += epochsRun.size() - 1;
      Attempt attempt = attempts.get(key);
      if (attempt == null) {
        problem(
            executionOf(key),
            "activity " + key + " ran (epochs " + epochsRun + ") but no history has that attempt");
        continue;
      }
      Set<Integer> seen = new LinkedHashSet<>();
      for (int epoch : epochsRun) {
        if (!seen.add(epoch)) {
          problem(attempt.execution(), "activity " + key + " ran twice in epoch " + epoch);
        }
        if (epoch < attempt.scheduled() || epoch > attempt.end()) {
          problem(
              attempt.execution(),
              "activity "
                  + key
                  + " ran in epoch "
                  + epoch
                  + ", outside epochs "
                  + attempt.scheduled()
                  + ".."
                  + attempt.end()
                  + " from its scheduling to its "
                  + (attempt.completion() == null ? "abort" : "completion")
                  + " (all runs: "
                  + epochsRun
                  + ")");
        }
      }
    }
    for (Attempt attempt : attempts.values()) {
      List<Integer> epochsRun = invoked.getOrDefault(attempt.key(), List.of());
      if (attempt.completion() != null
          && !attempt.callback()
          && !epochsRun.contains(attempt.end())) {
        problem(
            attempt.execution(),
            "task attempt "
                + attempt.key()
                + " completed in epoch "
                + attempt.end()
                + " without running there (runs: "
                + epochsRun
                + ")");
      }
      if (attempt.completion() != null && attempt.callback() && epochsRun.isEmpty()) {
        problem(attempt.execution(), "callback " + attempt.key() + " completed, never handed out");
      }
      if (attempt.end() != Integer.MAX_VALUE && attempt.end() > attempt.scheduled()) {
        coverage.attemptsInFlightAtAKill++;
      }
    }
  }

  private void checkCallbacks() {
    Map<String, String> keyOfToken = new HashMap<>();
    Map<String, Integer> issued = new HashMap<>();
    Map<String, Integer> acks = new HashMap<>();
    for (String[] line : log) {
      int epoch = Integer.parseInt(line[1]);
      switch (line[0]) {
        case "token" -> {
          String previous = keyOfToken.put(line[4], line[2]);
          issued.putIfAbsent(line[4], epoch);
          if (previous != null && !previous.equals(line[2])) {
            problem(executionOf(line[2]), "one token for " + previous + " and " + line[2]);
          }
        }
        case "ack" -> {
          String key = keyOfToken.get(line[2]);
          if (acks.merge(line[2], 1, Integer::sum) > 1) {
            problem(executionOf(key), "the engine accepted two answers for " + key);
          }
          checkAck(key, epoch, issued.get(line[2]));
        }
        case "refused" -> {
          String key = keyOfToken.get(line[2]);
          if (!Boolean.parseBoolean(line[3])) {
            problem(
                executionOf(key),
                "epoch "
                    + epoch
                    + " refused the first answer to "
                    + key
                    + " (token handed out in epoch "
                    + issued.get(line[2])
                    + "): "
                    + line[4]);
          }
        }
        default -> {}
      }
    }
  }

  private void checkAck(String key, int epoch, int issuedIn) {
    Attempt attempt = attempts.get(key);
    if (attempt == null || attempt.completion() == null) {
      problem(
          executionOf(key),
          "epoch " + epoch + " accepted the answer to " + key + ", never completed");
    } else if (epochOf(attempt.completion().timestamp()) != epoch) {
      problem(
          attempt.execution(),
          "epoch "
              + epoch
              + " accepted the answer to "
              + key
              + ", committed in epoch "
              + epochOf(attempt.completion().timestamp())
              + ": an accepted answer was not durable");
    }
    if (epoch > issuedIn) {
      coverage.tokensAnsweredAfterAKill++;
    }
  }

  private void checkStarts() {
    Map<String, Integer> firstStarted = new HashMap<>();
    for (String[] line : log) {
      if (line[0].equals("started")) {
        firstStarted.putIfAbsent(line[2], Integer.parseInt(line[1]));
      }
    }
    for (Request request : requests) {
      Integer acknowledged = firstStarted.get(request.name());
      Integer created = startEpochs.get(request.name());
      if (acknowledged != null && created != null && created > acknowledged) {
        problem(
            request.name(),
            "startExecution returned in epoch "
                + acknowledged
                + ", yet the execution was created in epoch "
                + created
                + ": the start was not durable");
      }
    }
  }

  private void countKillsBeforeResume() {
    Set<Integer> resumed = new LinkedHashSet<>();
    for (String[] line : log) {
      if (line[0].equals("resumed")) {
        resumed.add(Integer.parseInt(line[1]));
      }
      if (line[0].equals("self-kill")) {
        coverage.killsRightAfterACommit++;
      }
    }
    for (Epoch epoch : epochs) {
      if (epoch.killAfterMillis() >= 0 && !resumed.contains(epoch.number())) {
        coverage.killsBeforeResume++;
      }
    }
  }

  // ---- reporting ----------------------------------------------------------------------------

  private int epochOf(Instant instant) {
    for (Epoch epoch : epochs) {
      if (!instant.isBefore(epoch.start()) && !instant.isAfter(epoch.end())) {
        return epoch.number();
      }
    }
    return -1;
  }

  private static String executionOf(String key) {
    return key == null ? "?" : key.substring(0, Math.max(0, key.indexOf('/')));
  }

  private void problem(String execution, String text) {
    problems.add(execution + ": " + text);
    suspects.add(execution);
  }

  /** The requests, histories and log lines of the first few executions with problems. */
  private String details() {
    StringBuilder text = new StringBuilder();
    int shown = 0;
    for (String name : suspects) {
      if (shown++ == 3) {
        break;
      }
      Request request =
          requests.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
      text.append("---- ").append(name).append(": ").append(request == null ? "?" : request.line());
      text.append("\n  result: ").append(results.get(name)).append('\n');
      for (HistoryEvent e : histories.getOrDefault(name, List.of())) {
        text.append(
            String.format(
                "  %3d <- %-3d epoch %-3d %-24s %s%n",
                e.id(),
                e.previousEventId(),
                epochOf(e.timestamp()),
                e.type(),
                e.details().path("name").asText(e.details().path("index").asText(""))));
      }
      for (String[] line : log) {
        String joined = String.join(" ", line);
        if (joined.contains(" " + name + "/") || joined.endsWith(" " + name)) {
          text.append("  log: ").append(joined).append('\n');
        }
      }
    }
    return text.toString();
  }
}
