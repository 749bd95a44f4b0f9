package dev.statecraft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Lambda functions served by HTTP endpoints ({@code serve --lambda NAME=URL}). */
class HttpLambdaTest {
  @TempDir Path dir;
  HttpServer endpoint;
  LocalSfn local;

  @BeforeEach
  void open() throws Exception {
    endpoint = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    endpoint.createContext(
        "/triple",
        exchange -> {
          JsonNode in = LocalSfn.JSON.readTree(exchange.getRequestBody());
          byte[] out =
              ("{\"n\":" + in.path("n").asInt() * 3 + "}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    endpoint.createContext(
        "/broken",
        exchange -> {
          byte[] out =
              "{\"errorType\":\"Enrich.Failed\",\"errorMessage\":\"no data\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(500, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    endpoint.start();
    String base = "http://localhost:" + endpoint.getAddress().getPort();
    local =
        new LocalSfn(
            dir,
            StepFunctionsServer.Options.defaults()
                .withHttpLambda("triple", URI.create(base + "/triple"))
                .withHttpLambda("broken", URI.create(base + "/broken"))
                .withHttpLambda("unreachable", URI.create("http://localhost:1/nothing")));
  }

  @AfterEach
  void close() {
    local.close();
    endpoint.stop(0);
  }

  static String calling(String function) {
    return """
        {"StartAt":"Call","States":{"Call":{"Type":"Task",
          "Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:000000000000:function:%s","Payload.$":"$"},
          "OutputPath":"$.Payload",
          "Catch":[{"ErrorEquals":["Enrich.Failed"],"ResultPath":"$.caught","Next":"Caught"}],
          "End":true},
          "Caught":{"Type":"Pass","End":true}}}
        """
        .formatted(function);
  }

  @Test
  void theResponseBodyIsTheResult() throws Exception {
    String machine = local.create("triple", calling("triple"));
    DescribeExecutionResponse d = local.await(local.start(machine, "t", "{\"n\":5}"));
    assertEquals(ExecutionStatus.SUCCEEDED, d.status(), d.cause());
    assertEquals("{\"n\":15}", d.output());
  }

  @Test
  void anErrorTypeInTheResponseIsTheTasksError() throws Exception {
    String machine = local.create("broken", calling("broken"));
    DescribeExecutionResponse d = local.await(local.start(machine, "b", "{\"n\":5}"));
    assertEquals(ExecutionStatus.SUCCEEDED, d.status(), d.cause());
    JsonNode caught = LocalSfn.parse(d.output()).path("caught");
    assertEquals("Enrich.Failed", caught.path("Error").asText());
    assertEquals(
        "no data", LocalSfn.parse(caught.path("Cause").asText()).path("errorMessage").asText());
  }

  @Test
  void anUnreachableEndpointIsALambdaServiceException() throws Exception {
    String machine = local.create("unreachable", calling("unreachable"));
    DescribeExecutionResponse d = local.await(local.start(machine, "u", "{}"));
    assertEquals(ExecutionStatus.FAILED, d.status());
    assertEquals("Lambda.ServiceException", d.error());
  }
}
