package dev.statecraft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI ({@code aws stepfunctions ... --endpoint-url}) against the server. */
class AwsCliTest {
  @TempDir Path dir;
  LocalSfn local;

  record Result(int exit, String out, String err) {
    JsonNode json() {
      assertEquals(0, exit, err);
      return LocalSfn.parse(out);
    }
  }

  @BeforeEach
  void open() {
    Assumptions.assumeTrue(
        onPath("aws"),
        "the AWS CLI is not installed: no 'aws' on the PATH (apt-get install awscli)");
    local = new LocalSfn(dir.resolve("server"));
  }

  @AfterEach
  void close() {
    if (local != null) {
      local.close();
    }
  }

  static boolean onPath(String program) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
        return true;
      }
    }
    return false;
  }

  Result aws(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", "stepfunctions"));
    command.addAll(List.of(args));
    command.addAll(
        List.of(
            "--endpoint-url",
            local.server.endpoint().toString(),
            "--region",
            "us-east-1",
            "--output",
            "json"));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.put("AWS_ACCESS_KEY_ID", "test");
    environment.put("AWS_SECRET_ACCESS_KEY", "test");
    environment.remove("AWS_SESSION_TOKEN");
    environment.remove("AWS_PROFILE");
    environment.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
    environment.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
    environment.put("AWS_PAGER", "");
    environment.put("AWS_EC2_METADATA_DISABLED", "true");
    environment.put("NO_PROXY", "*");
    environment.remove("HTTP_PROXY");
    environment.remove("http_proxy");
    environment.putAll(env);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("aws " + String.join(" ", args) + " did not finish");
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  Result aws(String... args) throws Exception {
    return aws(Map.of(), args);
  }

  JsonNode awaitDone(String executionArn) throws Exception {
    for (int i = 0; i < 100; i++) {
      JsonNode d = aws("describe-execution", "--execution-arn", executionArn).json();
      if (!d.path("status").asText().equals("RUNNING")) {
        return d;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("still running: " + executionArn);
  }

  @Test
  void theCliCreatesRunsListsAndReadsHistory() throws Exception {
    JsonNode created =
        aws(
                "create-state-machine",
                "--name",
                "cli-double",
                "--definition",
                LocalSfn.DOUBLE,
                "--role-arn",
                LocalSfn.ROLE)
            .json();
    String machine = created.path("stateMachineArn").asText();
    assertEquals("arn:aws:states:us-east-1:000000000000:stateMachine:cli-double", machine);

    JsonNode machines = aws("list-state-machines").json();
    assertEquals("cli-double", machines.path("stateMachines").get(0).path("name").asText());

    JsonNode started =
        aws(
                "start-execution",
                "--state-machine-arn",
                machine,
                "--name",
                "cli-1",
                "--input",
                "{\"n\":3}")
            .json();
    String exec = started.path("executionArn").asText();
    assertTrue(started.has("startDate"), started.toString());
    JsonNode done = awaitDone(exec);
    assertEquals("SUCCEEDED", done.path("status").asText());
    assertEquals(6, LocalSfn.parse(done.path("output").asText()).path("n").asInt());

    JsonNode executions = aws("list-executions", "--state-machine-arn", machine).json();
    assertEquals(exec, executions.path("executions").get(0).path("executionArn").asText());

    JsonNode history = aws("get-execution-history", "--execution-arn", exec).json();
    JsonNode events = history.path("events");
    assertEquals("ExecutionStarted", events.get(0).path("type").asText());
    assertEquals(
        "{\"n\":3}", events.get(0).path("executionStartedEventDetails").path("input").asText());
    assertEquals("ExecutionSucceeded", events.get(events.size() - 1).path("type").asText());

    Result missing =
        aws(
            "describe-execution",
            "--execution-arn",
            "arn:aws:states:us-east-1:000000000000:execution:cli-double:nope");
    assertNotEquals(0, missing.exit());
    assertTrue(missing.err().contains("ExecutionDoesNotExist"), missing.err());
  }

  @Test
  void theCliAnswersTaskTokensAndStopsExecutions() throws Exception {
    String machine =
        aws(
                "create-state-machine",
                "--name",
                "cli-approval",
                "--definition",
                LocalSfn.WAIT_FOR_TOKEN,
                "--role-arn",
                LocalSfn.ROLE)
            .json()
            .path("stateMachineArn")
            .asText();
    String exec =
        aws("start-execution", "--state-machine-arn", machine, "--name", "a1")
            .json()
            .path("executionArn")
            .asText();
    String token = local.nextToken();
    aws("send-task-success", "--task-token", token, "--task-output", "{\"ok\":true}").json();
    assertEquals("{\"ok\":true}", awaitDone(exec).path("output").asText());

    String second =
        aws("start-execution", "--state-machine-arn", machine, "--name", "a2")
            .json()
            .path("executionArn")
            .asText();
    local.nextToken();
    aws("stop-execution", "--execution-arn", second, "--error", "Cli.Stop").json();
    JsonNode stopped = aws("describe-execution", "--execution-arn", second).json();
    assertEquals("ABORTED", stopped.path("status").asText());
    assertEquals("Cli.Stop", stopped.path("error").asText());

    Result deleted = aws("delete-state-machine", "--state-machine-arn", machine);
    assertEquals(0, deleted.exit(), deleted.err());
    Result gone = aws("describe-state-machine", "--state-machine-arn", machine);
    assertTrue(gone.exit() != 0 && gone.err().contains("StateMachineDoesNotExist"), gone.err());
  }

  @Test
  void theCliRunsSyncExecutions() throws Exception {
    String machine =
        aws(
                "create-state-machine",
                "--name",
                "cli-express",
                "--type",
                "EXPRESS",
                "--definition",
                LocalSfn.DOUBLE,
                "--role-arn",
                LocalSfn.ROLE)
            .json()
            .path("stateMachineArn")
            .asText();
    // The CLI sends StartSyncExecution to "sync-<host>": newer CLIs can be told not to, and any
    // CLI reaches the server through it as an HTTP proxy.
    Map<String, String> env =
        Map.of(
            "AWS_DISABLE_HOST_PREFIX_INJECTION",
            "true",
            "HTTP_PROXY",
            local.server.endpoint().toString(),
            "http_proxy",
            local.server.endpoint().toString(),
            "NO_PROXY",
            "");
    JsonNode result =
        aws(env, "start-sync-execution", "--state-machine-arn", machine, "--input", "{\"n\":4}")
            .json();
    assertEquals("SUCCEEDED", result.path("status").asText());
    assertEquals(8, LocalSfn.parse(result.path("output").asText()).path("n").asInt());
  }
}
