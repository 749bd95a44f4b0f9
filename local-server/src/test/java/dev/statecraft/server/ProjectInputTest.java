package dev.statecraft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.WorkflowSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;

/**
 * A served project's state machines check a started execution's input against the workflow's
 * parameter type, as {@code run} and the project's webhooks do, and answer a misfit as AWS answers
 * bad input.
 */
class ProjectInputTest extends LocalSfnTest {
  /** The parameter type of the {@code orders} workflow. */
  public record Order(String id, int quantity) {}

  private String orders;

  @BeforeEach
  void serveAProjectWithATypedWorkflow() {
    WorkflowSpec spec =
        new WorkflowSpec(
            "orders",
            "example.Orders",
            "STANDARD",
            Order.class.getName(),
            "void",
            null,
            null,
            null,
            null,
            null,
            null);
    local.server.serveProject(
        DeploymentManifest.of(List.of(spec), List.of()), getClass().getClassLoader());
    orders = local.create("orders", LocalSfn.PASS);
  }

  @Test
  void anInputMissingAnIntFieldIsInvalidExecutionInputNamingTheField() {
    InvalidExecutionInputException e =
        assertThrows(
            InvalidExecutionInputException.class,
            () -> local.start(orders, "no-quantity", "{\"id\": \"o-1\"}"));
    assertEquals("InvalidExecutionInput", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    String message = e.awsErrorDetails().errorMessage();
    assertTrue(message.contains("workflow 'orders'") && message.contains("quantity"), message);
    assertTrue(
        local.sfn.listExecutions(b -> b.stateMachineArn(orders)).executions().isEmpty(),
        "nothing started");
  }

  @Test
  void aWronglyTypedFieldIsRefusedBySyncStartsToo() {
    InvalidExecutionInputException e =
        assertThrows(
            InvalidExecutionInputException.class,
            () ->
                local.sfn.startSyncExecution(
                    b -> b.stateMachineArn(orders).input("{\"id\": 7, \"quantity\": 1}")));
    assertTrue(e.awsErrorDetails().errorMessage().contains("id"), e::getMessage);
  }

  @Test
  void anInputThatFitsStartsAndOtherStateMachinesTakeAnyJson() throws Exception {
    String fits = local.start(orders, "fits", "{\"id\": \"o-1\", \"quantity\": 2}");
    assertEquals(ExecutionStatus.SUCCEEDED, local.await(fits).status());

    String other = local.create("not-in-the-project", LocalSfn.PASS);
    String any = local.start(other, "any", "{\"id\": \"o-1\"}");
    assertEquals(ExecutionStatus.SUCCEEDED, local.await(any).status());
  }
}
