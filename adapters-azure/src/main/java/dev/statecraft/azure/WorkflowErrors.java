package dev.statecraft.azure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.durabletask.TaskFailedException;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.interruption.ContinueAsNewInterruption;
import com.microsoft.durabletask.interruption.OrchestratorBlockedException;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.WorkflowFailure;
import java.util.Set;

/**
 * What a generated orchestrator's {@code catch} sees: the error an exception stands for, named as
 * on every cloud (the activity exception's class, {@code dev.statecraft.api.ActivityTimeout},
 * {@code dev.statecraft.api.CallbackTimeout}, {@code dev.statecraft.api.WorkflowFailure}), and its
 * message. The durable runtime's own control-flow exceptions are never caught: {@link
 * #rethrowControlFlow} rethrows them first.
 *
 * <pre>{@code
 * } catch (RuntimeException caught) {
 *   WorkflowErrors.rethrowControlFlow(caught);
 *   String type = WorkflowErrors.type(caught);
 *   if (WorkflowErrors.matches(type, "com.example.RateLimited")) { ... } else { throw caught; }
 * }
 * }</pre>
 */
public final class WorkflowErrors {
  private WorkflowErrors() {}

  /** Rethrows the exceptions durabletask uses to suspend or restart an orchestration. */
  public static void rethrowControlFlow(RuntimeException e) {
    if (isControlFlow(e)) {
      throw e;
    }
  }

  /** Whether {@code e} is one of durabletask's control-flow exceptions, which no code may stop. */
  public static boolean isControlFlow(Throwable e) {
    return e instanceof OrchestratorBlockedException || e instanceof ContinueAsNewInterruption;
  }

  /**
   * Publishes how the orchestration fails where a client reads it, and returns {@code e} to be
   * rethrown: the instance's custom status becomes {@code {"error": NAME, "cause": MESSAGE}}, the
   * error name being the {@code WorkflowFailure}'s own, the activity exception's class, or the
   * exception's class. The failure details alone cannot say it: the Functions host replaces every
   * orchestrator exception with {@code RuntimeException("Unexpected failure in the task
   * execution")}. Control-flow exceptions are returned untouched.
   */
  public static RuntimeException publish(TaskOrchestrationContext ctx, RuntimeException e) {
    if (isControlFlow(e)) {
      return e;
    }
    ObjectNode status = ActivityJson.mapper().createObjectNode();
    if (e instanceof WorkflowFailure f) {
      status.put("error", f.error());
      status.put("cause", f.cause());
    } else {
      status.put("error", type(e));
      status.put("cause", message(e));
    }
    ctx.setCustomStatus(status.toString());
    return e;
  }

  /** The error name {@code e} stands for. */
  public static String type(RuntimeException e) {
    if (e instanceof ActivityFailedException a) {
      return a.errorType();
    }
    if (e instanceof WorkflowFailure) {
      return "dev.statecraft.api.WorkflowFailure";
    }
    if (e instanceof TaskFailedException) {
      return "dev.statecraft.api.WorkflowFailure";
    }
    return e.getClass().getName();
  }

  /** The message a workflow reads with {@code e.getMessage()}. */
  public static String message(RuntimeException e) {
    if (e instanceof ActivityFailedException a) {
      return a.errorMessage();
    }
    if (e instanceof TaskFailedException t && t.getErrorDetails() != null) {
      return t.getErrorDetails().getErrorMessage();
    }
    return e.getMessage();
  }

  /** Whether {@code type} is one of {@code names}. */
  public static boolean matches(String type, String... names) {
    return Set.of(names).contains(type);
  }
}
