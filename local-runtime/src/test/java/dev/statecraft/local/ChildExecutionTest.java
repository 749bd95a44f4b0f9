package dev.statecraft.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code arn:aws:states:::states:startExecution.sync:2} on the engine, and the describe and list
 * API that the local server builds on.
 */
class ChildExecutionTest {
  private static final String SLEEPY_CHILD =
      "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':86400,'Next':'P'},"
          + "'P':{'Type':'Pass','Parameters':{'slept.$':'$.n'},'End':true}}}";

  private static String parent(String resource) {
    return ("{'StartAt':'C','States':{'C':{'Type':'Task','Resource':'"
            + resource
            + "',"
            + "'Parameters':{'StateMachineArn':'arn:aws:states:us-east-1:000000000000:stateMachine:child',"
            + "'Input':{'n.$':'$.n'}},'End':true}}}")
        .replace('\'', '"');
  }

  @Test
  void aParentWaitsForAChildSleepingOnVirtualTimeWithoutHoldingTheClock() throws Exception {
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    try (VirtualTimeSource clock = new VirtualTimeSource(start);
        LocalEngine engine = LocalEngine.open(EngineOptions.inMemory().withTime(clock))) {
      engine.createStateMachine("child", SLEEPY_CHILD.replace('\'', '"'));
      engine.createStateMachine("parent", parent("arn:aws:states:::states:startExecution.sync:2"));
      String arn = engine.startExecution("parent", "p", "{\"n\":3}");
      ExecutionResult result = engine.awaitResult(arn, Duration.ofSeconds(10));
      assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::toString);
      JsonNode output = JsonFunctionHandler.json(result.outputJson());
      assertEquals(JsonFunctionHandler.json("{\"slept\":3}"), output.get("Output"));
      assertEquals(JsonFunctionHandler.json("{\"n\":3}"), output.get("Input"));
      assertEquals("SUCCEEDED", output.get("Status").asText());
      assertEquals(start.toEpochMilli(), output.get("StartDate").asLong());
      assertEquals(start.plusSeconds(86400).toEpochMilli(), output.get("StopDate").asLong());
      List<ExecutionDescription> children = engine.listExecutions("child");
      assertEquals(1, children.size());
      assertEquals(output.get("ExecutionArn").asText(), children.get(0).executionArn());
    }
  }

  @Test
  void describeAndListReportStateMachinesAndExecutions() throws Exception {
    try (LocalEngine engine = LocalEngine.open(EngineOptions.inMemory())) {
      String pass = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
      engine.createStateMachine("a", pass);
      engine.createStateMachine("b", pass);
      StateMachineDescription a = engine.describeStateMachine("a").orElseThrow();
      assertEquals(LocalEngine.stateMachineArn("a"), a.arn());
      assertEquals(pass, a.definition());
      assertEquals(
          List.of("a", "b"),
          engine.listStateMachines().stream().map(StateMachineDescription::name).toList());

      String fail = "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"E\"}}}";
      StateMachineDescription updated = engine.updateStateMachine("a", fail);
      assertEquals(fail, updated.definition());
      assertEquals(a.creationDate(), updated.creationDate());
      assertThrows(
          StateMachineDoesNotExistException.class, () -> engine.updateStateMachine("zz", pass));

      String first = engine.startExecution("b", "one", "{\"x\":1}");
      engine.awaitResult(first, Duration.ofSeconds(10));
      String second = engine.startExecution("b", "two", "{}");
      engine.awaitResult(second, Duration.ofSeconds(10));
      ExecutionDescription one = engine.describeExecution(first).orElseThrow();
      assertEquals("{\"x\":1}", one.inputJson());
      assertEquals("{\"x\":1}", one.outputJson());
      assertEquals("b", one.stateMachineName());
      assertNotNull(one.stopDate());
      assertTrue(engine.describeExecution(LocalEngine.executionArn("b", "none")).isEmpty());
      assertEquals(
          List.of(second, first),
          engine.listExecutions("b").stream().map(ExecutionDescription::executionArn).toList());
      assertThrows(
          ExecutionDoesNotExistException.class,
          () -> engine.stopExecution(LocalEngine.executionArn("b", "none"), null, null));
      TaskTokenException invalid =
          assertThrows(TaskTokenException.class, () -> engine.sendTaskHeartbeat("???"));
      assertEquals(TaskTokenException.Reason.INVALID_TOKEN, invalid.reason());
      assertNull(engine.describeExecution(first).orElseThrow().error());
    }
  }
}
