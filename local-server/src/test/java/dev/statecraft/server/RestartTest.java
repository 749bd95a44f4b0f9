package dev.statecraft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Executions that were running when the server stopped continue when it starts again. */
class RestartTest {
  @TempDir Path dir;

  @Test
  void aTaskWaitingForItsTokenCanBeCompletedAfterARestart() throws Exception {
    String exec;
    String token;
    try (LocalSfn first = new LocalSfn(dir)) {
      String machine = first.create("approval", LocalSfn.WAIT_FOR_TOKEN);
      exec = first.start(machine, "survives", "{\"draft\":1}");
      token = first.nextToken();
    }
    try (LocalSfn second = new LocalSfn(dir)) {
      assertEquals(
          ExecutionStatus.RUNNING,
          second.sfn.describeExecution(b -> b.executionArn(exec)).status());
      second.sfn.sendTaskSuccess(b -> b.taskToken(token).output("\"approved\""));
      DescribeExecutionResponse d = second.await(exec);
      assertEquals(ExecutionStatus.SUCCEEDED, d.status());
      assertEquals("\"approved\"", d.output());
    }
  }

  @Test
  void aParentWaitingForItsChildFinishesAfterARestart() throws Exception {
    String parent;
    String childMachine;
    String token;
    try (LocalSfn first = new LocalSfn(dir)) {
      childMachine = first.create("child", LocalSfn.WAIT_FOR_TOKEN);
      String parentMachine =
          first.create(
              "parent",
              ChildExecutionTest.parent(
                  "arn:aws:states:::states:startExecution.sync:2",
                  childMachine,
                  ",\"OutputPath\":\"$.Output\",\"End\":true"));
      parent = first.start(parentMachine, "p", "{\"n\":7}");
      token = first.nextToken();
    }
    try (LocalSfn second = new LocalSfn(dir)) {
      second.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"done\":7}"));
      DescribeExecutionResponse d = second.await(parent);
      assertEquals(ExecutionStatus.SUCCEEDED, d.status(), d.cause());
      assertEquals("{\"done\":7}", d.output());
      assertEquals(
          1,
          second.sfn.listExecutions(b -> b.stateMachineArn(childMachine)).executions().size(),
          "the resumed parent found its child instead of starting another");
    }
  }
}
