package dev.statecraft.local;

import static dev.statecraft.local.JsonFunctionHandler.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {
  static final String THREE_STEPS =
      ("{'StartAt':'One','States':{"
              + "'One':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:000000000000:function:one',"
              + "'ResultPath':'$.one','Next':'Two'},"
              + "'Two':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:000000000000:function:two',"
              + "'ResultPath':'$.two','Next':'Wait'},"
              + "'Wait':{'Type':'Wait','Seconds':1,'Next':'Three'},"
              + "'Three':{'Type':'Pass','Result':'done','ResultPath':'$.three','End':true}}}")
          .replace('\'', '"');

  @TempDir Path dir;

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  private JsonFunctionHandler counting(String name, CountDownLatch gate) {
    return new JsonFunctionHandler(
        (in, ctx) -> {
          calls.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
          if (gate != null) {
            gate.await();
          }
          return json("\"" + name + "\"");
        });
  }

  @Test
  void closingDuringALongTaskThenReopeningFinishesWithoutRepeatingCompletedTasks()
      throws Exception {
    Path db = dir.resolve("engine.db");
    CountDownLatch never = new CountDownLatch(1);
    String arn;
    try (LocalEngine first = LocalEngine.open(EngineOptions.durable(db))) {
      first.registerLambda("one", counting("one", null));
      first.registerLambda("two", counting("two", never));
      first.createStateMachine("steps", THREE_STEPS);
      arn = first.startExecution("steps", "run", "{}");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!calls.containsKey("two") && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(ExecutionStatus.RUNNING, first.describe(arn).orElseThrow().status());
    }
    assertEquals(1, calls.get("one").get());
    calls.clear();
    try (LocalEngine second = LocalEngine.open(EngineOptions.durable(db))) {
      second.registerLambda("one", counting("one", null));
      second.registerLambda("two", counting("two", null));
      second.resumeUnfinished();
      ExecutionResult result = second.awaitResult(arn, Duration.ofSeconds(20));
      assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::toString);
      assertEquals(
          json("{\"one\":\"one\",\"two\":\"two\",\"three\":\"done\"}"), json(result.outputJson()));
      assertEquals(4, result.stateTransitions());
      List<HistoryEvent> history = second.history(arn);
      assertEquals("ExecutionSucceeded", history.get(history.size() - 1).type());
      for (int i = 0; i < history.size(); i++) {
        assertEquals(i + 1, history.get(i).id());
      }
    }
    assertEquals(null, calls.get("one"), "a completed task ran again");
    assertEquals(1, calls.get("two").get());
    never.countDown();
  }

  @Test
  void aWaitTimerKeepsItsWakeUpTimeAcrossARestart() throws Exception {
    Path db = dir.resolve("wait.db");
    String definition =
        "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":2,\"End\":true}}}";
    String arn;
    Instant started = Instant.now();
    try (LocalEngine first = LocalEngine.open(EngineOptions.durable(db))) {
      first.createStateMachine("wait", definition);
      arn = first.startExecution("wait", "w", "{\"a\":1}");
      Thread.sleep(300);
    }
    try (LocalEngine second = LocalEngine.open(EngineOptions.durable(db))) {
      second.resumeUnfinished();
      ExecutionResult result = second.awaitResult(arn, Duration.ofSeconds(10));
      assertEquals(ExecutionStatus.SUCCEEDED, result.status());
      assertEquals(json("{\"a\":1}"), json(result.outputJson()));
      Duration took = Duration.between(started, Instant.now());
      assertTrue(took.toMillis() >= 1900 && took.toMillis() < 6000, took::toString);
    }
  }

  @Test
  void startingTheSameNameIsIdempotentForTheSameInputOnly() throws Exception {
    Path db = dir.resolve("names.db");
    try (LocalEngine engine = LocalEngine.open(EngineOptions.durable(db))) {
      engine.createStateMachine(
          "p", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
      String arn = engine.startExecution("p", "once", "{\"x\":1}");
      engine.awaitResult(arn, Duration.ofSeconds(10));
      assertEquals(arn, engine.startExecution("p", "once", "{ \"x\" : 1 }"));
      assertThrows(
          ExecutionAlreadyExistsException.class,
          () -> engine.startExecution("p", "once", "{\"x\":2}"));
      assertEquals(
          1, engine.history(arn).stream().filter(e -> e.type().equals("ExecutionStarted")).count());
    }
    try (LocalEngine reopened = LocalEngine.open(EngineOptions.durable(db))) {
      ExecutionResult stored =
          reopened.describe("arn:aws:states:us-east-1:000000000000:execution:p:once").orElseThrow();
      assertEquals(ExecutionStatus.SUCCEEDED, stored.status());
      assertEquals(json("{\"x\":1}"), json(stored.outputJson()));
    }
  }

  @Test
  void aMapWithRetriesResumesItsIterations() throws Exception {
    Path db = dir.resolve("map.db");
    CountDownLatch never = new CountDownLatch(1);
    String definition =
        ("{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':2,'ItemsPath':'$.xs',"
                + "'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:lambda:us-east-1:000000000000:function:item','End':true}}},"
                + "'End':true}}}")
            .replace('\'', '"');
    String arn;
    AtomicInteger firstCalls = new AtomicInteger();
    try (LocalEngine first = LocalEngine.open(EngineOptions.durable(db))) {
      first.registerLambda(
          "item",
          new JsonFunctionHandler(
              (in, ctx) -> {
                if (firstCalls.incrementAndGet() > 2) {
                  never.await();
                }
                return json(String.valueOf(in.asInt() * 10));
              }));
      first.createStateMachine("map", definition);
      arn = first.startExecution("map", "m", "{\"xs\":[1,2,3,4,5]}");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (firstCalls.get() < 4 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    }
    AtomicInteger secondCalls = new AtomicInteger();
    try (LocalEngine second = LocalEngine.open(EngineOptions.durable(db))) {
      second.registerLambda(
          "item",
          new JsonFunctionHandler(
              (in, ctx) -> {
                secondCalls.incrementAndGet();
                return json(String.valueOf(in.asInt() * 10));
              }));
      second.resumeUnfinished();
      ExecutionResult result = second.awaitResult(arn, Duration.ofSeconds(20));
      assertEquals(json("[10,20,30,40,50]"), json(result.outputJson()), result::toString);
    }
    assertEquals(3, secondCalls.get(), "items 1 and 2 completed before the restart");
    never.countDown();
  }

  @Test
  void aVirtualClockCompletesLongWaitsAtOnceWithConsistentTimestamps() throws Exception {
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    try (VirtualTimeSource clock = new VirtualTimeSource(start);
        LocalEngine engine =
            LocalEngine.open(EngineOptions.durable(dir.resolve("virtual.db")).withTime(clock))) {
      engine.createStateMachine(
          "hour",
          "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,"
              + "\"End\":true}}}");
      String arn = engine.startExecution("hour", "h", "{}");
      ExecutionResult result = engine.awaitResult(arn, Duration.ofSeconds(5));
      assertEquals(ExecutionStatus.SUCCEEDED, result.status());
      List<HistoryEvent> history = engine.history(arn);
      assertEquals(start, history.get(0).timestamp());
      assertEquals(start.plusSeconds(3600), history.get(history.size() - 1).timestamp());
    }
  }

  @Test
  void everyTaskStartsOnlyOnceTheTransitionThatScheduledItIsCommitted() throws Exception {
    String definition =
        ("{'StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Result':{'xs':[1,2,3,4,5,6]},'Next':'T'},"
                + "'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:000000000000:function:"
                + "check','ResultPath':'$.t','Next':'M'},"
                + "'M':{'Type':'Map','ItemsPath':'$.xs','MaxConcurrency':3,"
                + "'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','Next':'I'},"
                + "'I':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:000000000000:function:"
                + "check','End':true}}},'End':true}}}")
            .replace('\'', '"');
    String arn = "arn:aws:states:us-east-1:000000000000:execution:checked:run";
    AtomicInteger invocations = new AtomicInteger();
    List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (LocalEngine engine = LocalEngine.open(EngineOptions.durable(dir.resolve("order.db")))) {
      engine.registerLambda(
          "check",
          new JsonFunctionHandler(
              (in, ctx) -> {
                int invocation = invocations.incrementAndGet();
                // history() of a durable engine reads only what was committed.
                long started =
                    engine.history(arn).stream()
                        .filter(e -> e.type().equals("TaskStarted"))
                        .count();
                if (started < invocation) {
                  violations.add("invocation " + invocation + " saw " + started + " TaskStarted");
                }
                return in;
              }));
      engine.createStateMachine("checked", definition);
      engine.startExecution("checked", "run", "{}");
      ExecutionResult result = engine.awaitResult(arn, Duration.ofSeconds(20));
      assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::toString);
      assertEquals(json("[1,2,3,4,5,6]"), json(result.outputJson()));
    }
    assertEquals(7, invocations.get());
    assertEquals(List.of(), violations);
  }

  @Test
  void parallelBranchesKeepTheirVariablesAndResultsAcrossARestart() throws Exception {
    Path db = dir.resolve("parallel.db");
    String definition =
        ("{'StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'greeting':'hello'},"
                + "'Result':{'n':1,'big':'"
                + "x".repeat(2000)
                + "'},'Next':'B'},"
                + "'B':{'Type':'Pass','Next':'Par'},"
                + "'Par':{'Type':'Parallel','ResultSelector':{'slow.$':'$[0]','quick.$':'$[1]',"
                + "'n.$':'$[2].n'},'Next':'C','Branches':["
                + "{'StartAt':'S','States':{'S':{'Type':'Task','Resource':"
                + "'arn:aws:lambda:us-east-1:000000000000:function:slow',"
                + "'Parameters':{'who.$':'$greeting'},'End':true}}},"
                + "{'StartAt':'Q','States':{'Q':{'Type':'Task','Resource':"
                + "'arn:aws:lambda:us-east-1:000000000000:function:quick',"
                + "'Parameters':{'who.$':'$greeting'},'End':true}}},"
                + "{'StartAt':'K','States':{'K':{'Type':'Pass','End':true}}}]},"
                + "'C':{'Type':'Pass','Parameters':{'out.$':'$','g.$':'$greeting'},'End':true}}}")
            .replace('\'', '"');
    CountDownLatch never = new CountDownLatch(1);
    String arn;
    try (LocalEngine first = LocalEngine.open(EngineOptions.durable(db))) {
      first.registerLambda("slow", counting("slow", never));
      first.registerLambda("quick", counting("quick", null));
      first.createStateMachine("par", definition);
      arn = first.startExecution("par", "p", "{}");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline
          && !(calls.containsKey("slow") && exited(first.history(arn), "Q", "K"))) {
        Thread.sleep(5);
      }
    }
    assertEquals(1, calls.get("quick").get());
    calls.clear();
    try (LocalEngine second = LocalEngine.open(EngineOptions.durable(db))) {
      second.registerLambda("slow", counting("slow", null));
      second.registerLambda("quick", counting("quick", null));
      second.resumeUnfinished();
      ExecutionResult result = second.awaitResult(arn, Duration.ofSeconds(20));
      assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::toString);
      assertEquals(
          json("{\"out\":{\"slow\":\"slow\",\"quick\":\"quick\",\"n\":1},\"g\":\"hello\"}"),
          json(result.outputJson()));
      List<HistoryEvent> history = second.history(arn);
      for (int i = 0; i < history.size(); i++) {
        assertEquals(i + 1, history.get(i).id());
      }
      HistoryEvent enteredB =
          history.stream()
              .filter(e -> e.type().equals("PassStateEntered"))
              .filter(e -> e.details().path("name").asText().equals("B"))
              .findFirst()
              .orElseThrow();
      assertEquals(
          "x".repeat(2000),
          json(enteredB.details().get("input").asText()).get("big").asText(),
          "the input of B, stored as a reference to the output of A");
    }
    assertEquals(null, calls.get("quick"), "a completed branch ran again");
    assertEquals(1, calls.get("slow").get());
    never.countDown();
  }

  /** Whether the committed history has the exit of every one of {@code states}. */
  private static boolean exited(List<HistoryEvent> history, String... states) {
    return Arrays.stream(states)
        .allMatch(
            state ->
                history.stream()
                    .anyMatch(
                        e ->
                            e.type().endsWith("StateExited")
                                && e.details().path("name").asText().equals(state)));
  }

  /**
   * An execution the engine reported finished is finished on disk: the end of an execution becomes
   * visible only once committed, and closing the engine commits what its workers already stepped.
   * Each round closes the engine the moment it first reports an execution finished, while other
   * steps are still in flight.
   */
  @Test
  void whatTheEngineReportedFinishedIsFinishedAfterClose() throws Exception {
    StringBuilder chain = new StringBuilder("{\"StartAt\":\"S0\",\"States\":{");
    for (int i = 0; i < 40; i++) {
      chain.append(i > 0 ? "," : "").append("\"S").append(i).append("\":{\"Type\":\"Pass\",");
      chain.append(i < 39 ? "\"Next\":\"S" + (i + 1) + "\"}" : "\"End\":true}");
    }
    String definition = chain.append("}}").toString();
    for (int round = 0; round < 15; round++) {
      Path db = dir.resolve("round-" + round + ".db");
      Map<String, ExecutionStatus> reported = new ConcurrentHashMap<>();
      try (LocalEngine first = LocalEngine.open(EngineOptions.durable(db).withWorkerThreads(4))) {
        first.createStateMachine("chain", definition);
        for (int i = 0; i < 40; i++) {
          first.startExecution("chain", "e" + i, "{\"i\":" + i + "}");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (reported.isEmpty() && System.nanoTime() < deadline) {
          for (ExecutionDescription d : first.listExecutions("chain")) {
            if (d.status().isTerminal()) {
              reported.put(d.executionArn(), d.status());
            }
          }
        }
      }
      assertTrue(!reported.isEmpty(), "round " + round + ": nothing finished in 20 s");
      try (LocalEngine second = LocalEngine.open(EngineOptions.durable(db))) {
        for (Map.Entry<String, ExecutionStatus> entry : reported.entrySet()) {
          assertEquals(
              entry.getValue(),
              second.describe(entry.getKey()).orElseThrow().status(),
              "round " + round + ": " + entry.getKey() + " was reported finished before close");
        }
      }
    }
  }

  @Test
  void aSecondEngineOnTheSameDatabaseIsRefusedUntilTheFirstCloses() {
    Path db = dir.resolve("engine.db");
    try (LocalEngine first = LocalEngine.open(EngineOptions.durable(db))) {
      first.createStateMachine("steps", THREE_STEPS);
      DatabaseInUseException refused =
          assertThrows(
              DatabaseInUseException.class, () -> LocalEngine.open(EngineOptions.durable(db)));
      assertEquals(db, refused.database());
      assertTrue(
          refused.getMessage().contains("process " + ProcessHandle.current().pid()),
          refused::getMessage);
    }
    try (LocalEngine second = LocalEngine.open(EngineOptions.durable(db))) {
      assertTrue(second.describeStateMachine("steps").isPresent());
    }
  }
}
