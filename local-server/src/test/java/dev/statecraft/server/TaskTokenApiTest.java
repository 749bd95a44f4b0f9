package dev.statecraft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat and the callback endpoint. */
class TaskTokenApiTest extends LocalSfnTest {
  String machine;

  @BeforeEach
  void createStateMachine() {
    machine = local.create("approval", LocalSfn.WAIT_FOR_TOKEN);
  }

  @Test
  void sendTaskSuccessCompletesTheWaitingTask() throws Exception {
    String exec = local.start(machine, "yes", "{\"draft\":\"d\"}");
    String token = local.nextToken();
    local.sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    local.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
    DescribeExecutionResponse d = local.await(exec);
    assertEquals(ExecutionStatus.SUCCEEDED, d.status());
    assertEquals("{\"approved\":true}", d.output());

    TaskTimedOutException again =
        assertThrows(
            TaskTimedOutException.class,
            () -> local.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")));
    assertEquals("TaskTimedOut", again.awsErrorDetails().errorCode());
    assertThrows(
        TaskTimedOutException.class, () -> local.sfn.sendTaskHeartbeat(b -> b.taskToken(token)));
  }

  @Test
  void sendTaskFailureFailsTheExecutionWithTheError() throws Exception {
    String exec = local.start(machine, "no", "{}");
    String token = local.nextToken();
    local.sfn.sendTaskFailure(b -> b.taskToken(token).error("Rejected").cause("by Ada"));
    DescribeExecutionResponse d = local.await(exec);
    assertEquals(ExecutionStatus.FAILED, d.status());
    assertEquals("Rejected", d.error());
    assertEquals("by Ada", d.cause());
  }

  @Test
  void badTokensAndOutputsAreRefusedWithAwsErrors() throws Exception {
    local.start(machine, "pending", "{}");
    String token = local.nextToken();
    InvalidOutputException output =
        assertThrows(
            InvalidOutputException.class,
            () -> local.sfn.sendTaskSuccess(b -> b.taskToken(token).output("not json")));
    assertEquals("InvalidOutput", output.awsErrorDetails().errorCode());
    assertThrows(
        InvalidTokenException.class,
        () -> local.sfn.sendTaskSuccess(b -> b.taskToken("%%% not a token").output("{}")));
    assertThrows(
        InvalidTokenException.class,
        () -> local.sfn.sendTaskFailure(b -> b.taskToken("x".repeat(3000))));
    String unknownExecution =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "arn:aws:states:us-east-1:000000000000:execution:approval:gone|root|2|1"
                    .getBytes(StandardCharsets.UTF_8));
    assertThrows(
        TaskDoesNotExistException.class,
        () -> local.sfn.sendTaskHeartbeat(b -> b.taskToken(unknownExecution)));
  }

  @Test
  void theCallbackUrlCompletesTheTaskWithThePostedBody() throws Exception {
    String exec = local.start(machine, "webhook", "{}");
    String token = local.nextToken();
    HttpResponse<String> response =
        post(
            local.server.callbackUrl()
                + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8),
            "{\"approved\":true,\"by\":\"webhook\"}");
    assertEquals(200, response.statusCode(), response.body());
    DescribeExecutionResponse d = local.await(exec);
    assertEquals(ExecutionStatus.SUCCEEDED, d.status());
    assertEquals("webhook", LocalSfn.parse(d.output()).path("by").asText());

    HttpResponse<String> late = post(local.server.callbackUrl() + "/" + token, "{}");
    assertEquals(400, late.statusCode());
    assertEquals("TaskTimedOut", LocalSfn.parse(late.body()).path("__type").asText());
  }

  @Test
  void theCallbackUrlFailsTheTaskWhenGivenAnError() throws Exception {
    String exec = local.start(machine, "webhook-no", "{}");
    String token = local.nextToken();
    HttpResponse<String> response =
        post(local.server.callbackUrl() + "/" + token + "?error=Declined&cause=too+late", "");
    assertEquals(200, response.statusCode(), response.body());
    DescribeExecutionResponse d = local.await(exec);
    assertEquals(ExecutionStatus.FAILED, d.status());
    assertEquals("Declined", d.error());
    assertEquals("too late", d.cause());

    HttpResponse<String> noToken = post(local.server.callbackUrl().toString(), "{}");
    assertEquals(400, noToken.statusCode());
    assertEquals("InvalidToken", LocalSfn.parse(noToken.body()).path("__type").asText());
    HttpResponse<String> badJson = post(local.server.callbackUrl() + "/" + token, "{oops");
    assertTrue(badJson.statusCode() == 400, badJson.body());
  }

  static HttpResponse<String> post(String url, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
