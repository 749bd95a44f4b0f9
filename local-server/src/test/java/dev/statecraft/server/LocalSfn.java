package dev.statecraft.server;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A server on a free port over a folder, with the Lambda functions the tests use, and a real AWS
 * SDK client pointed at it with dummy credentials.
 */
final class LocalSfn implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A Pass state that adds {@code "r":{"ok":true}} to its input. */
  static final String PASS =
      """
      {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"ok":true},"ResultPath":"$.r","End":true}}}
      """;

  /** Doubles {@code n} with the Lambda function {@code double}. */
  static final String DOUBLE =
      """
      {"StartAt":"Double","States":{"Double":{"Type":"Task",
        "Resource":"arn:aws:states:::lambda:invoke",
        "Parameters":{"FunctionName":"double","Payload.$":"$"},
        "OutputPath":"$.Payload","End":true}}}
      """;

  /** Hands its task token to the Lambda function {@code remember} and waits for it. */
  static final String WAIT_FOR_TOKEN =
      """
      {"StartAt":"Ask","States":{"Ask":{"Type":"Task",
        "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
        "Parameters":{"FunctionName":"remember","Payload":{"token.$":"$$.Task.Token","input.$":"$"}},
        "HeartbeatSeconds":600,"End":true}}}
      """;

  static final String FAIL =
      """
      {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Custom.Error","Cause":"it broke"}}}
      """;

  /** Waits an hour: an execution that stays running. */
  static final String WAIT_AN_HOUR =
      """
      {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}
      """;

  static final String ROLE = "arn:aws:iam::000000000000:role/test";

  final Path dir;
  final StepFunctionsServer server;
  final SfnClient sfn;

  /** Task tokens handed to {@code remember}, in order. */
  final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();

  LocalSfn(Path dir) {
    this(dir, StepFunctionsServer.Options.defaults());
  }

  LocalSfn(Path dir, StepFunctionsServer.Options options) {
    this.dir = dir;
    server = StepFunctionsServer.open(options.withPort(0).withStateDir(dir));
    server
        .engine()
        .registerLambda("double", json(in -> object().put("n", in.path("n").asInt() * 2)));
    server
        .engine()
        .registerLambda(
            "remember",
            json(
                in -> {
                  tokens.add(in.path("token").asText());
                  return object();
                }));
    server.start();
    sfn = client(server);
  }

  static SfnClient client(StepFunctionsServer server) {
    return SfnClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        // StartSyncExecution goes to "sync-<host>" unless told not to.
        .overrideConfiguration(
            c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  interface JsonFunction {
    JsonNode apply(JsonNode input) throws Exception;
  }

  static RequestStreamHandler json(JsonFunction function) {
    return (in, out, context) -> {
      try {
        out.write(JSON.writeValueAsBytes(function.apply(JSON.readTree(in))));
      } catch (RuntimeException | java.io.IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  String create(String name, String definition) {
    return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE))
        .stateMachineArn();
  }

  String start(String stateMachineArn, String name, String input) {
    return sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(name).input(input))
        .executionArn();
  }

  /** Polls DescribeExecution until the execution has finished. */
  DescribeExecutionResponse await(String executionArn) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
      if (d.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
        return d;
      }
      Thread.sleep(20);
    }
  }

  String nextToken() throws InterruptedException {
    String token = tokens.poll(20, TimeUnit.SECONDS);
    if (token == null) {
      throw new AssertionError("no task token arrived");
    }
    return token;
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  @Override
  public void close() {
    sfn.close();
    server.close();
  }
}
