package dev.statecraft.local;

import static dev.statecraft.local.JsonFunctionHandler.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonataSemanticsTest {
  private LocalEngine engine;

  @BeforeEach
  void open() {
    engine = LocalEngine.open(EngineOptions.inMemory());
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private ExecutionResult run(String definition, String input) throws Exception {
    engine.createStateMachine("sm", definition.replace('\'', '"'));
    String arn = engine.startExecution("sm", null, input);
    return engine.awaitResult(arn, Duration.ofSeconds(10));
  }

  private static JsonNode output(ExecutionResult result) {
    assertEquals(ExecutionStatus.SUCCEEDED, result.status(), () -> result.toString());
    return json(result.outputJson());
  }

  @Test
  void assignExpressionsSeeTheVariablesFromBeforeTheState() throws Exception {
    ExecutionResult result =
        run(
            "{'QueryLanguage':'JSONata','StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'a':1},'Next':'B'},"
                + "'B':{'Type':'Pass','Assign':{'a':'{% $a + 1 %}','b':'{% $a %}'},'Next':'C'},"
                + "'C':{'Type':'Pass','Output':{'a':'{% $a %}','b':'{% $b %}'},'End':true}}}",
            "{}");
    assertEquals(json("{\"a\":2,\"b\":1}"), output(result));
  }

  @Test
  void outputAndAssignOfATaskSeeTheResultAndTheOldVariables() throws Exception {
    engine.registerLambda(
        "double",
        new JsonFunctionHandler((in, ctx) -> json("{\"n\":" + in.get("n").asInt() * 2 + "}")));
    ExecutionResult result =
        run(
            "{'QueryLanguage':'JSONata','StartAt':'Init','States':{"
                + "'Init':{'Type':'Pass','Assign':{'n':21},'Next':'T'},"
                + "'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'Arguments':{'FunctionName':'double','Payload':{'n':'{% $n %}'}},"
                + "'Assign':{'n':'{% $states.result.Payload.n %}','before':'{% $n %}'},"
                + "'Output':{'doubled':'{% $states.result.Payload.n %}','status':"
                + "'{% $states.result.StatusCode %}','input':'{% $states.input %}'},'Next':'Done'},"
                + "'Done':{'Type':'Pass','Output':{'out':'{% $states.input %}','n':'{% $n %}',"
                + "'before':'{% $before %}'},'End':true}}}",
            "{\"x\":1}");
    assertEquals(
        json(
            "{\"out\":{\"doubled\":42,\"status\":200,\"input\":{\"x\":1}},\"n\":42,\"before\":21}"),
        output(result));
  }

  @Test
  void choiceTakesTheFirstTrueConditionWithItsAssignAndOutput() throws Exception {
    String definition =
        "{'QueryLanguage':'JSONata','StartAt':'C','States':{"
            + "'C':{'Type':'Choice','Choices':[{'Condition':'{% $states.input.n > 10"
            + " %}','Next':'Big','Assign':{'size':'big'},'Output':{'n':'{% $states.input.n"
            + " %}'}},{'Condition':'{% $states.input.n > 0"
            + " %}','Next':'Small','Assign':{'size':'small'}}],"
            + "'Default':'Zero'},'Big':{'Type':'Pass','Output':{'size':'{% $size %}','in':'{%"
            + " $states.input %}'},'End':true},'Small':{'Type':'Pass','Output':{'size':'{% $size"
            + " %}'},'End':true},'Zero':{'Type':'Fail','Error':'Zero','Cause':'{% \\'n was \\' &"
            + " $states.input.n %}'}}}";
    assertEquals(
        json("{\"size\":\"big\",\"in\":{\"n\":11}}"), output(run(definition, "{\"n\":11}")));
    assertEquals(json("{\"size\":\"small\"}"), output(run(definition, "{\"n\":3}")));
    ExecutionResult zero = run(definition, "{\"n\":0}");
    assertEquals(ExecutionStatus.FAILED, zero.status());
    assertEquals("Zero", zero.error());
    assertEquals("n was 0", zero.cause());
  }

  @Test
  void theContextObjectDescribesTheExecutionAndTheState() throws Exception {
    engine.createStateMachine(
        "ctx",
        ("{'QueryLanguage':'JSONata','StartAt':'First','States':{'First':{'Type':'Pass',"
                + "'Output':{'name':'{% $states.context.Execution.Name %}',"
                + "'id':'{% $states.context.Execution.Id %}',"
                + "'input':'{% $states.context.Execution.Input %}',"
                + "'state':'{% $states.context.State.Name %}',"
                + "'machine':'{% $states.context.StateMachine.Name %}'},'End':true}}}")
            .replace('\'', '"'));
    String arn = engine.startExecution("ctx", "run-7", "{\"k\":true}");
    JsonNode out = output(engine.awaitResult(arn, Duration.ofSeconds(10)));
    assertEquals("run-7", out.get("name").asText());
    assertEquals("arn:aws:states:us-east-1:000000000000:execution:ctx:run-7", arn);
    assertEquals(arn, out.get("id").asText());
    assertEquals(json("{\"k\":true}"), out.get("input"));
    assertEquals("First", out.get("state").asText());
    assertEquals("ctx", out.get("machine").asText());
  }

  @Test
  void awsExtensionFunctionsAreAvailable() throws Exception {
    JsonNode out =
        output(
            run(
                "{'QueryLanguage':'JSONata','StartAt':'F','States':{'F':{'Type':'Pass','Output':{"
                    + "'partition':'{% $partition([1,2,3,4,5], 2) %}',"
                    + "'range':'{% $range(0, 10, 5) %}',"
                    + "'hash':'{% $hash(\\'abc\\', \\'SHA-256\\') %}',"
                    + "'parse':'{% $parse($states.input.text) %}',"
                    + "'uuid':'{% $length($uuid()) %}',"
                    + "'random':'{% $random() < 1 %}'},'End':true}}}",
                "{\"text\":\"{\\\"a\\\":[1]}\"}"));
    assertEquals(json("[[1,2],[3,4],[5]]"), out.get("partition"));
    assertEquals(json("[0,5,10]"), out.get("range"));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        out.get("hash").asText());
    assertEquals(json("{\"a\":[1]}"), out.get("parse"));
    assertEquals(36, out.get("uuid").asInt());
    assertTrue(out.get("random").asBoolean());
  }

  @Test
  void mapIterationsReadOuterVariablesButTheirAssignmentsStayInside() throws Exception {
    JsonNode out =
        output(
            run(
                "{'QueryLanguage':'JSONata','StartAt':'Init','States':{"
                    + "'Init':{'Type':'Pass','Assign':{'factor':10,'inner':'outer'},'Next':'M'},"
                    + "'M':{'Type':'Map','Items':'{% $states.input.xs %}','MaxConcurrency':2,"
                    + "'ItemSelector':{'x':'{% $states.context.Map.Item.Value %}',"
                    + "'i':'{% $states.context.Map.Item.Index %}'},"
                    + "'ItemProcessor':{'ProcessorConfig':{'Mode':'INLINE'},'StartAt':'Mul',"
                    + "'States':{'Mul':{'Type':'Pass','Assign':{'inner':'{% $states.input.x %}'},"
                    + "'Output':'{% $states.input.x * $factor + $states.input.i %}','Next':'Show'},"
                    + "'Show':{'Type':'Pass','Output':'{% $states.input %}','End':true}}},"
                    + "'Output':{'results':'{% $states.result %}','inner':'{% $inner %}'},"
                    + "'End':true}}}",
                "{\"xs\":[1,2,3]}"));
    assertEquals(json("{\"results\":[10,21,32],\"inner\":\"outer\"}"), out);
  }

  @Test
  void parallelBranchesEachGetTheInputAndResultsKeepBranchOrder() throws Exception {
    JsonNode out =
        output(
            run(
                "{'QueryLanguage':'JSONata','StartAt':'P','States':{'P':{'Type':'Parallel',"
                    + "'Branches':["
                    + "{'StartAt':'A','States':{'A':{'Type':'Wait','Seconds':1,'Next':'A2'},"
                    + "'A2':{'Type':'Pass','Output':'{%"
                    + " $states.input.v + 1"
                    + " %}','End':true}}},{'StartAt':'B','States':{'B':{'Type':'Pass','Output':'{%"
                    + " $states.input.v * 2 %}','End':true}}}],'End':true}}}",
                "{\"v\":5}"));
    assertEquals(json("[6,10]"), out);
  }

  @Test
  void anUndefinedResultFailsTheStateWithAwsWording() throws Exception {
    ExecutionResult result =
        run(
            "{'QueryLanguage':'JSONata','StartAt':'S','States':{'S':{'Type':'Pass',"
                + "'Output':{'r':'{% $nothing %}'},'End':true}}}",
            "{}");
    assertEquals(ExecutionStatus.FAILED, result.status());
    assertEquals("States.QueryEvaluationError", result.error());
    assertEquals(
        "An error occurred while executing the state 'S' (entered at the event id #2). The"
            + " JSONata expression '$nothing' specified for the field 'Output/r' returned nothing"
            + " (undefined).",
        result.cause());
  }

  @Test
  void aJsonNullInTheDataIsAValueAsInJavaScriptJsonata() throws Exception {
    ExecutionResult result =
        run(
            "{'QueryLanguage':'JSONata','StartAt':'P','States':{'P':{'Type':'Pass','Output':{"
                + "'count':'{% $count($states.input.l) %}',"
                + "'printed':'{% $join($map($states.input.l, function($e) { $string($e) }), \\',\\') %}',"
                + "'exists':'{% $exists($states.input.n) %}',"
                + "'kept':'{% [$states.input.n] %}'},'End':true}}}",
            "{\"l\": [\"a\", null, \"b\"], \"n\": null}");
    assertEquals(
        json("{\"count\":3,\"printed\":\"a,null,b\",\"exists\":true,\"kept\":[null]}"),
        output(result));
  }
}
