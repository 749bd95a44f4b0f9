package dev.statecraft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.local.ExecutionListener;
import dev.statecraft.local.HistoryEvent;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Prints an execution's steps as the engine records them: each state entered, which function a task
 * calls, how long it took, and every failed attempt.
 *
 * <pre>
 *   > Classify                     Task -> TriageActivities_classify
 *   < Classify                     done in 12 ms
 *   > IfEscalate                   Choice
 * </pre>
 *
 * <p>A task that waits for a callback prints the URL that answers it.
 */
final class StepPrinter implements ExecutionListener {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final boolean quiet;

  /**
   * The task each branch is in, by the id of the branch's latest event (executionArn/id): a
   * branch's events follow one another through {@code previousEventId}, so iterations of a Map
   * running the same task at once keep their own name and start time.
   */
  private final Map<String, Task> tasks = new ConcurrentHashMap<>();

  private record Task(String name, Instant entered) {}

  /** Maps a callback URL an activity is handed to the URL that answers it in this run. */
  private volatile UnaryOperator<String> answering = UnaryOperator.identity();

  StepPrinter(PrintWriter out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  /**
   * Prints callback URLs as {@code answering} maps them: a resumed execution's definition names the
   * port of the run it started in, which this run may not have got back.
   */
  void answerCallbacksAt(UnaryOperator<String> answering) {
    this.answering = answering;
  }

  @Override
  public void onEvent(String executionArn, HistoryEvent event) {
    if (quiet) {
      return;
    }
    String type = event.type();
    JsonNode d = event.details();
    String name = d.path("name").asText("");
    Task current = tasks.remove(executionArn + "/" + event.previousEventId());
    if (current != null && !type.equals("TaskStateExited")) {
      tasks.put(executionArn + "/" + event.id(), current);
    }
    String task = current == null ? "" : current.name();
    if (type.equals("TaskStateEntered")) {
      tasks.put(executionArn + "/" + event.id(), new Task(name, event.timestamp()));
    } else if (type.endsWith("StateEntered")) {
      line(
          String.format(
              "  > %-28s %s", name, type.substring(0, type.length() - "StateEntered".length())));
    } else if (type.equals("TaskScheduled")) {
      JsonNode parameters = parse(d.path("parameters").asText(""));
      line(String.format("  > %-28s Task -> %s", task, parameters.path("FunctionName").asText("")));
      if (d.path("resource").asText().endsWith(".waitForTaskToken")) {
        String url = callbackUrl(parameters.path("Payload"));
        if (url != null) {
          line(
              String.format(
                  "  ~ %-28s waiting for a callback; answer with:%n"
                      + "      curl -X POST '%s' -H 'Content-Type: application/json' -d 'JSON'%n"
                      + "    or fail it by adding &error=NAME&cause=TEXT to the URL",
                  task, answering.apply(url)));
        }
      }
    } else if (type.equals("TaskFailed") || type.equals("TaskTimedOut")) {
      line(
          String.format(
              "  ! %-28s %s: %s",
              task, d.path("error").asText(), firstLine(message(d.path("cause").asText("")))));
    } else if (type.equals("TaskStateExited")) {
      String took =
          current == null
              ? ""
              : " in " + Duration.between(current.entered(), event.timestamp()).toMillis() + " ms";
      line(String.format("  < %-28s done%s", name, took));
    }
  }

  /**
   * Prints how to answer each callback the execution still waits for, from its history: a resumed
   * run hands out no new URL, so it prints the one the activity was handed, as {@link
   * #answerCallbacksAt} maps it to a URL that answers now.
   *
   * @param callbackUrl this run's {@code /callbacks}, for a wait whose payload names no URL
   */
  void pendingCallbacks(List<HistoryEvent> history, String callbackUrl) {
    Map<Long, HistoryEvent> byId = new HashMap<>();
    Map<Long, HistoryEvent> next = new HashMap<>();
    for (HistoryEvent e : history) {
      byId.put(e.id(), e);
      next.putIfAbsent(e.previousEventId(), e);
    }
    for (HistoryEvent scheduled : history) {
      if (!scheduled.type().equals("TaskScheduled")
          || !scheduled.details().path("resource").asText().endsWith(".waitForTaskToken")) {
        continue;
      }
      HistoryEvent started = next.get(scheduled.id());
      if (started == null
          || !started.type().equals("TaskStarted")
          || next.containsKey(started.id())) {
        continue;
      }
      JsonNode payload = parse(scheduled.details().path("parameters").asText("")).path("Payload");
      String url = callbackUrl(payload);
      if (url == null) {
        String token = null;
        for (JsonNode value : payload) {
          if (value.isObject() && value.path("token").isTextual()) {
            token = value.get("token").asText();
          }
        }
        url =
            token == null
                ? null
                : callbackUrl + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
      }
      HistoryEvent entered = byId.get(scheduled.previousEventId());
      String task = entered == null ? "" : entered.details().path("name").asText("");
      if (url != null) {
        line(
            String.format(
                "  ~ %-28s still waiting for a callback; answer with:%n"
                    + "      curl -X POST '%s' -H 'Content-Type: application/json'"
                    + " -d 'JSON'",
                task, answering.apply(url)));
      }
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return JSON.missingNode();
    }
  }

  /** The {@code url} of the {@code Callback} the payload hands to its activity, if any. */
  private static String callbackUrl(JsonNode payload) {
    for (JsonNode value : payload) {
      if (value.isObject() && value.has("token") && value.path("url").isTextual()) {
        return value.get("url").asText();
      }
    }
    return null;
  }

  /** A Lambda error's {@code errorMessage}, or the cause as it is. */
  private static String message(String cause) {
    JsonNode parsed = cause.startsWith("{") ? parse(cause) : JSON.missingNode();
    return parsed.path("errorMessage").isTextual() ? parsed.get("errorMessage").asText() : cause;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }

  private synchronized void line(String s) {
    out.println(s);
    out.flush();
  }
}
