package dev.statecraft.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every case of the conformance corpus and checks that the history an engine gives back is,
 * event for event, what it handed its listener while running: ids, previous ids, timestamps, types,
 * and details with their field order and node types. A durable engine reads that history from its
 * SQLite journal, once while open and once more after reopening the file, so this holds the journal
 * encoding (payloads stored once and referred to, binary details) to being lossless.
 */
class HistoryFidelityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"memory", "durable"})
  void theHistoryReadBackIsTheHistoryRecorded(String mode) throws Exception {
    Map<String, List<HistoryEvent>> seen = new ConcurrentHashMap<>();
    ExecutionListener listener =
        (arn, event) ->
            seen.computeIfAbsent(arn, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(event);
    boolean durable = mode.equals("durable");
    Path db = dir.resolve("history.db");
    EngineOptions options = durable ? EngineOptions.durable(db) : EngineOptions.inMemory();
    Map<String, List<HistoryEvent>> recorded = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (VirtualTimeSource clock = new VirtualTimeSource(Instant.parse("2024-06-01T00:00:00Z"));
        LocalEngine engine = LocalEngine.open(options.withListener(listener).withTime(clock))) {
      int n = 0;
      for (Path file : AslConformanceTest.corpusCases()) {
        JsonNode testCase = JSON.readTree(file.toFile());
        String name = "case" + (n++);
        engine.createStateMachine(name, JSON.writeValueAsString(testCase.get("definition")));
        String arn =
            engine.startExecution(name, "run", JSON.writeValueAsString(testCase.get("input")));
        engine.awaitResult(arn, Duration.ofSeconds(10));
        List<HistoryEvent> history = engine.history(arn);
        List<HistoryEvent> events = delivered(seen, arn, history.size());
        recorded.put(arn, events);
        compare(file.getFileName() + " (" + mode + ")", events, history, problems);
      }
    }
    if (durable) {
      try (LocalEngine reopened = LocalEngine.open(EngineOptions.durable(db))) {
        for (Map.Entry<String, List<HistoryEvent>> entry : recorded.entrySet()) {
          compare(
              entry.getKey() + " (reopened)",
              entry.getValue(),
              reopened.history(entry.getKey()),
              problems);
        }
      }
    }
    assertTrue(recorded.size() > 800, "only " + recorded.size() + " cases ran");
    assertEquals(List.of(), problems.subList(0, Math.min(5, problems.size())));
  }

  /** The listener's events of {@code arn} in id order, once all {@code count} have arrived. */
  private static List<HistoryEvent> delivered(
      Map<String, List<HistoryEvent>> seen, String arn, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<HistoryEvent> events = seen.getOrDefault(arn, List.of());
    while (events.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(1);
      events = seen.getOrDefault(arn, List.of());
    }
    List<HistoryEvent> sorted;
    synchronized (events) {
      sorted = new ArrayList<>(events);
    }
    sorted.sort(Comparator.comparingLong(HistoryEvent::id));
    return sorted;
  }

  private static void compare(
      String where, List<HistoryEvent> expected, List<HistoryEvent> actual, List<String> problems) {
    if (expected.size() != actual.size()) {
      problems.add(where + ": " + actual.size() + " events read, " + expected.size() + " recorded");
      return;
    }
    for (int i = 0; i < expected.size(); i++) {
      HistoryEvent want = expected.get(i);
      HistoryEvent got = actual.get(i);
      boolean same =
          want.id() == got.id()
              && want.previousEventId() == got.previousEventId()
              && want.timestamp().equals(got.timestamp())
              && want.type().equals(got.type())
              && want.details().equals(got.details())
              && want.details().toString().equals(got.details().toString());
      if (!same) {
        problems.add(where + ": read " + got + ", recorded " + want);
        return;
      }
    }
  }
}
