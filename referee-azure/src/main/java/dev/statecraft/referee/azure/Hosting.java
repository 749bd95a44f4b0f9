package dev.statecraft.referee.azure;

/** How the generated functions are hosted on the Durable Task worker. */
public enum Hosting {
  /**
   * As the Azure Functions host runs them through durabletask-azure-functions'
   * OrchestrationMiddleware: a new instance of the functions class per invocation, the function
   * invoked reflectively, and any exception other than durabletask's control-flow ones rethrown as
   * {@code RuntimeException("Unexpected failure in the task execution", e)}.
   */
  FUNCTIONS_HOST,
  /** Registered on the worker directly: one instance, exceptions as the function threw them. */
  DIRECT
}
