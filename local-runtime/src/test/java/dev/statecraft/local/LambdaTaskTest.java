package dev.statecraft.local;

import static dev.statecraft.local.JsonFunctionHandler.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LambdaTaskTest {
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
    return engine.awaitResult(arn, Duration.ofSeconds(20));
  }

  @Test
  void lambdaInvokeWrapsThePayloadLikeTheInvokeApi() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    engine.registerLambda(
        "greet",
        new JsonFunctionHandler(
            (in, ctx) -> {
              seen.add(ctx.getFunctionName() + "/" + ctx.getFunctionVersion());
              return json("{\"greeting\":\"hello " + in.get("who").asText() + "\"}");
            }));
    ExecutionResult result =
        run(
            "{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke',"
                + "'Parameters':{'FunctionName':'arn:aws:lambd"
                + "a:us-east-1:123456789012:function:greet',"
                + "'Payload':{'who.$':'$.name'}},'End':true}}}",
            "{\"name\":\"world\"}");
    assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::toString);
    JsonNode out = json(result.outputJson());
    assertEquals("$LATEST", out.get("ExecutedVersion").asText());
    assertEquals(200, out.get("StatusCode").asInt());
    assertEquals(json("{\"greeting\":\"hello world\"}"), out.get("Payload"));
    assertEquals(List.of("greet/$LATEST"), seen);
  }

  @Test
  void aFunctionArnResourceReturnsThePayloadItself() throws Exception {
    engine.registerLambda(
        "add",
        new JsonFunctionHandler(
            (in, ctx) -> json(String.valueOf(in.get("a").asInt() + in.get("b").asInt()))));
    ExecutionResult result =
        run(
            "{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:lambda:us-east-1:000000000000:function:add:$LATEST',"
                + "'ResultPath':'$.sum','End':true}}}",
            "{\"a\":2,\"b\":3}");
    assertEquals(json("{\"a\":2,\"b\":3,\"sum\":5}"), json(result.outputJson()));
  }

  @Test
  void aHandlerExceptionFailsWithItsClassNameAndAJsonCause() throws Exception {
    engine.registerLambda(
        "boom",
        new JsonFunctionHandler(
            (in, ctx) -> {
              throw new IllegalStateException("it broke");
            }));
    ExecutionResult result =
        run(
            "{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke',"
                + "'Parameters':{'FunctionName':'boom','Payload':{}},'End':true}}}",
            "{}");
    assertEquals(ExecutionStatus.FAILED, result.status());
    assertEquals("java.lang.IllegalStateException", result.error());
    assertEquals(
        "{\"errorMessage\":\"it broke\",\"errorType\":\"java.lang.IllegalStateException\","
            + "\"stackTrace\":[]}",
        result.cause());
  }

  @Test
  void retryRunsTheTaskAgainThenCatchRoutesTheError() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    engine.registerLambda(
        "flaky",
        new JsonFunctionHandler(
            (in, ctx) -> {
              calls.incrementAndGet();
              throw new java.io.UncheckedIOException(new java.io.IOException("down"));
            }));
    ExecutionResult result =
        run(
            "{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke',"
                + "'Parameters':{'FunctionName':'flaky'},"
                + "'Retry':[{'ErrorEquals':['java.io.UncheckedIOException'],'IntervalSeconds':0,"
                + "'MaxAttempts':2,'BackoffRate':1.0}],"
                + "'Catch':[{'ErrorEquals':['States.TaskFailed'],'ResultPath':'$.error',"
                + "'Next':'Handled'}],'Next':'Unreachable'},"
                + "'Unreachable':{'Type':'Fail','Error':'X'},"
                + "'Handled':{'Type':'Pass','End':true}}}",
            "{\"keep\":1}");
    assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::toString);
    assertEquals(3, calls.get());
    JsonNode out = json(result.outputJson());
    assertEquals(1, out.get("keep").asInt());
    assertEquals("java.io.UncheckedIOException", out.at("/error/Error").asText());
  }

  @Test
  void aCatcherWhoseAssignFailsFailsTheStateWithThatError() throws Exception {
    engine.registerLambda(
        "boom",
        new JsonFunctionHandler(
            (in, ctx) -> {
              throw new IllegalStateException("it broke");
            }));
    ExecutionResult result =
        run(
            "{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke',"
                + "'Arguments':{'FunctionName':'boom','Payload':{}},"
                + "'Catch':[{'ErrorEquals':['States.ALL'],"
                + "'Assign':{'x':'{% $error(\\'in the catcher\\') %}'},'Next':'Handled'}],"
                + "'End':true},"
                + "'Handled':{'Type':'Pass','End':true}}}",
            "{}");
    assertEquals(ExecutionStatus.FAILED, result.status(), result::toString);
    assertEquals("States.QueryEvaluationError", result.error(), result::toString);
    assertTrue(result.cause().contains("in the catcher"), result::cause);
  }

  @Test
  void anUnknownFunctionFailsWithResourceNotFound() throws Exception {
    ExecutionResult result =
        run(
            "{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke',"
                + "'Parameters':{'FunctionName':'missing'},'End':true}}}",
            "{}");
    assertEquals("Lambda.ResourceNotFoundException", result.error());
  }

  @Test
  void aSlowTaskTimesOutAndStatesAllDoesCatchTheTimeout() throws Exception {
    engine.registerLambda(
        "slow",
        new JsonFunctionHandler(
            (in, ctx) -> {
              assertTrue(ctx.getRemainingTimeInMillis() <= 1000);
              Thread.sleep(5000);
              return json("{}");
            }));
    ExecutionResult result =
        run(
            "{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke',"
                + "'Parameters':{'FunctionName':'slow'},'TimeoutSeconds':1,"
                + "'Catch':[{'ErrorEquals':['States.TaskFailed'],'Next':'Wrong'},"
                + "{'ErrorEquals':['States.ALL'],'Next':'Timeout'}],'End':true},"
                + "'Wrong':{'Type':'Fail','Error':'Wrong'},'Timeout':{'Type':'Pass','End':true}}}",
            "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::toString);
    assertEquals("States.Timeout", json(result.outputJson()).get("Error").asText());
  }

  @Test
  void waitForTaskTokenWaitsUntilTheTokenIsCompleted() throws Exception {
    List<String> tokens = new CopyOnWriteArrayList<>();
    engine.registerLambda(
        "ask",
        new JsonFunctionHandler(
            (in, ctx) -> {
              tokens.add(in.get("token").asText());
              return json("{}");
            }));
    engine.createStateMachine(
        "callback",
        ("{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',"
                + "'Parameters':{'FunctionName':'ask','Payload':{'token.$':'$$.Task.Token'}},"
                + "'End':true}}}")
            .replace('\'', '"'));
    String arn = engine.startExecution("callback", "c1", "{}");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (tokens.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(ExecutionStatus.RUNNING, engine.describe(arn).orElseThrow().status());
    engine.sendTaskSuccess(tokens.get(0), "{\"approved\":true}");
    ExecutionResult result = engine.awaitResult(arn, Duration.ofSeconds(10));
    assertEquals(json("{\"approved\":true}"), json(result.outputJson()));
  }

  @Test
  void historyRecordsTheTaskLifecycleAndTransitionsAreCounted() throws Exception {
    engine.registerLambda("id", new JsonFunctionHandler((in, ctx) -> in));
    ExecutionResult result =
        run(
            "{'StartAt':'P','States':{'P':{'Type':'Pass','Next':'T'},"
                + "'T':{'Type':'Task',"
                + "'Resource':'arn:aws:lambda:us-east-1:000000000000:function:id',"
                + "'Next':'S'},'S':{'Type':'Succeed'}}}",
            "{}");
    assertEquals(3, result.stateTransitions());
    List<HistoryEvent> history = engine.history(result.executionArn());
    assertEquals(
        "ExecutionStarted PassStateEntered PassStateExited TaskStateEntered TaskScheduled"
            + " TaskStarted TaskSucceeded TaskStateExited SucceedStateEntered SucceedStateExited"
            + " ExecutionSucceeded",
        history.stream().map(HistoryEvent::type).collect(Collectors.joining(" ")));
    for (int i = 0; i < history.size(); i++) {
      assertEquals(i + 1, history.get(i).id());
    }
    assertEquals("T", history.get(3).details().get("name").asText());
  }

  private static String invoke(String function, String payloadField) {
    return "{'StartAt':'T','States':{'T':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::lambda:invoke',"
        + "'Parameters':{'FunctionName':'"
        + function
        + "'"
        + payloadField
        + "},'OutputPath':'$.Payload','End':true}}}";
  }

  @Test
  void lambdaInvokeWithoutPayloadSendsAnEmptyObject() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    engine.registerLambda(
        "id",
        (in, out, ctx) -> {
          byte[] bytes = in.readAllBytes();
          seen.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
          out.write(bytes);
        });
    ExecutionResult result = run(invoke("id", ""), "{\"ignored\":true}");
    assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::toString);
    assertEquals(List.of("{}"), seen);
    assertEquals("{}", result.outputJson());
  }

  @Test
  void aStringPayloadThatIsNotJsonFailsAsTheInvokeApiRefusesIt() throws Exception {
    engine.registerLambda("id", (in, out, ctx) -> out.write(in.readAllBytes()));
    ExecutionResult result = run(invoke("id", ",'Payload':'HelloWorld'"), "{}");
    assertEquals(ExecutionStatus.FAILED, result.status(), result::toString);
    assertEquals("Lambda.InvalidRequestContentException", result.error());
    assertTrue(
        result
            .cause()
            .startsWith(
                "Could not parse request body into json: Could not parse payload into json: "),
        result::cause);
    assertTrue(result.cause().contains("(Service: AWSLambda; Status Code: 400;"), result::cause);
  }

  @Test
  void aResultThatIsNotJsonIsKeptAsText() throws Exception {
    engine.registerLambda(
        "text", (in, out, ctx) -> out.write("plain words".getBytes(StandardCharsets.UTF_8)));
    ExecutionResult result = run(invoke("text", ""), "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::toString);
    assertEquals("\"plain words\"", result.outputJson());
  }

  @Test
  void anUnknownFunctionIsWordedAsStepFunctionsWordsIt() throws Exception {
    ExecutionResult result = run(invoke("missing", ""), "{}");
    assertEquals("Lambda.ResourceNotFoundException", result.error());
    assertTrue(
        result
            .cause()
            .matches(
                "Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing"
                    + " \\(Service: AWSLambda; Status Code: 404; Error Code:"
                    + " ResourceNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\\)"),
        result::cause);
  }

  @Test
  void aFunctionErrorWithoutErrorTypeIsLambdaUnknown() throws Exception {
    engine.registerLambda(
        "oom",
        (in, out, ctx) -> {
          throw new LambdaFunctionException(
              "Unhandled", "{\"errorMessage\": \"Runtime exited with error: signal: killed\"}");
        });
    ExecutionResult result = run(invoke("oom", ""), "{}");
    assertEquals("Lambda.Unknown", result.error());
    assertEquals(
        "{\"errorMessage\":\"Runtime exited with error: signal: killed\"}", result.cause());
  }

  @Test
  void waitForTaskTokenFunctionErrorsHaveTheIntegrationsCompactCause() throws Exception {
    engine.registerLambda(
        "ask",
        (in, out, ctx) -> {
          throw new LambdaFunctionException(
              "Handled", "{\"errorMessage\": \"no\", \"errorType\": \"Refused\"}");
        });
    ExecutionResult result =
        run(
            "{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',"
                + "'Parameters':{'FunctionName':'ask','Payload':{'token.$':'$$.Task.Token'}},"
                + "'End':true}}}",
            "{}");
    assertEquals("Refused", result.error(), result::toString);
    assertEquals("{\"errorMessage\":\"no\",\"errorType\":\"Refused\"}", result.cause());
  }

  @Test
  void aResultPastTheQuotaOfAnyInvokerIsATaskFailureThatStatesAllCatches() throws Exception {
    engine.registerTaskInvoker(
        new TaskInvoker() {
          @Override
          public boolean handles(String resource) {
            return resource.equals("arn:aws:states:::sqs:sendMessage");
          }

          @Override
          public JsonNode invoke(Request request) {
            return JsonFunctionHandler.JSON.getNodeFactory().textNode("a".repeat(300 * 1024));
          }
        });
    ExecutionResult result =
        run(
            "{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::sqs:sendMessage','Parameters':{},"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Caught'}],'End':true},"
                + "'Caught':{'Type':'Pass','End':true}}}",
            "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::toString);
    assertEquals(
        json(
            "{\"Error\":\"States.DataLimitExceeded\",\"Cause\":\"The state/task 'sqs' returned a"
                + " result with a size exceeding the maximum number of bytes service limit.\"}"),
        json(result.outputJson()));
    assertEquals(
        "TaskFailed",
        engine.history(result.executionArn()).stream()
            .map(HistoryEvent::type)
            .filter(t -> t.equals("TaskFailed") || t.equals("TaskSucceeded"))
            .reduce((a, b) -> b)
            .orElseThrow());
  }

  @Test
  void statesRuntimeIsNeitherRetriedNorCaughtWhereverItArises() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    engine.registerLambda(
        "id",
        new JsonFunctionHandler(
            (in, ctx) -> {
              calls.incrementAndGet();
              return in;
            }));
    String handlers =
        "'Retry':[{'ErrorEquals':['States.Runtime'],'IntervalSeconds':0,'MaxAttempts':3}],"
            + "'Catch':[{'ErrorEquals':['States.Runtime'],'Next':'Caught'},"
            + "{'ErrorEquals':['States.ALL'],'Next':'Caught'}],";
    ExecutionResult resultSelector =
        run(
            "{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke',"
                + "'Parameters':{'FunctionName':'id','Payload':{}},"
                + "'ResultSelector':{'x.$':'$.Payload.missing'},"
                + handlers
                + "'End':true},'Caught':{'Type':'Pass','End':true}}}",
            "{}");
    assertEquals(ExecutionStatus.FAILED, resultSelector.status(), resultSelector::toString);
    assertEquals("States.Runtime", resultSelector.error());
    assertEquals(1, calls.get());
    engine.createStateMachine(
        "map",
        ("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items',"
                + "'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass',"
                + "'OutputPath':'$.nothing','End':true}}},"
                + handlers
                + "'End':true},'Caught':{'Type':'Pass','End':true}}}")
            .replace('\'', '"'));
    ExecutionResult map =
        engine.awaitResult(
            engine.startExecution("map", null, "{\"items\":[1]}"), Duration.ofSeconds(20));
    assertEquals(ExecutionStatus.FAILED, map.status(), map::toString);
    assertEquals("States.Runtime", map.error());
  }

  @Test
  void aCaughtErrorWithoutCauseHasAnEmptyCause() throws Exception {
    ExecutionResult result =
        run(
            "{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{'StartAt':'F',"
                + "'States':{'F':{'Type':'Fail','Error':'Boom'}}}],"
                + "'Catch':[{'ErrorEquals':['Boom'],'Next':'Caught'}],'End':true},"
                + "'Caught':{'Type':'Pass','End':true}}}",
            "{}");
    assertEquals(json("{\"Error\":\"Boom\",\"Cause\":\"\"}"), json(result.outputJson()));
  }
}
