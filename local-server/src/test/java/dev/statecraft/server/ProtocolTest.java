package dev.statecraft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The wire format itself, as an SDK that is not the Java one would see it. */
class ProtocolTest extends LocalSfnTest {
  HttpResponse<String> call(String target, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(local.server.endpoint())
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      request.header("X-Amz-Target", target);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersAreAmzJsonWithTimestampsInEpochSeconds() throws Exception {
    HttpResponse<String> created =
        call(
            "AWSStepFunctions.CreateStateMachine",
            "{\"name\":\"wire\",\"definition\":"
                + LocalSfn.JSON.writeValueAsString(LocalSfn.PASS)
                + ",\"roleArn\":\"arn:aws:iam::000000000000:role/r\"}");
    assertEquals(200, created.statusCode(), created.body());
    assertEquals(
        "application/x-amz-json-1.0", created.headers().firstValue("Content-Type").orElse(""));
    JsonNode body = LocalSfn.parse(created.body());
    assertTrue(body.path("creationDate").isNumber(), created.body());
    double seconds = body.path("creationDate").asDouble();
    assertTrue(Math.abs(seconds - System.currentTimeMillis() / 1000.0) < 60, created.body());
    assertTrue(created.body().matches(".*\"creationDate\":\\d+(\\.\\d+)?[,}].*"), created.body());
  }

  @Test
  void errorsAreHttp400WithTheAwsErrorCode() throws Exception {
    HttpResponse<String> missing =
        call(
            "AWSStepFunctions.DescribeExecution",
            "{\"executionArn\":\"arn:aws:states:us-east-1:000000000000:execution:a:b\"}");
    assertEquals(400, missing.statusCode());
    JsonNode error = LocalSfn.parse(missing.body());
    assertEquals("ExecutionDoesNotExist", error.path("__type").asText());
    assertEquals(
        "Execution Does Not Exist: 'arn:aws:states:us-east-1:000000000000:execution:a:b'",
        error.path("message").asText());

    HttpResponse<String> unknown = call("AWSStepFunctions.DeleteEverything", "{}");
    assertEquals(400, unknown.statusCode());
    assertEquals(
        "UnknownOperationException", LocalSfn.parse(unknown.body()).path("__type").asText());

    HttpResponse<String> noTarget = call(null, "{}");
    assertEquals(400, noTarget.statusCode());

    HttpResponse<String> notJson = call("AWSStepFunctions.ListStateMachines", "{");
    assertEquals(400, notJson.statusCode());
    assertEquals("SerializationException", LocalSfn.parse(notJson.body()).path("__type").asText());

    HttpResponse<String> required = call("AWSStepFunctions.StartExecution", "{}");
    assertEquals(400, required.statusCode());
    assertEquals("ValidationException", LocalSfn.parse(required.body()).path("__type").asText());
  }
}
