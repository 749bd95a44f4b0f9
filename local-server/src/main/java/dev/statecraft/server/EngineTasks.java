package dev.statecraft.server;

import dev.statecraft.callbacks.TaskCompleter;

/** The embedded engine's task tokens, as the callback route completes them. */
final class EngineTasks implements TaskCompleter {
  private final TaskOperations tasks;

  EngineTasks(TaskOperations tasks) {
    this.tasks = tasks;
  }

  @Override
  public void succeed(String token, String json) throws Refused {
    try {
      tasks.succeed(token, json);
    } catch (ApiError e) {
      throw refused(e);
    }
  }

  @Override
  public void fail(String token, String error, String cause) throws Refused {
    try {
      tasks.fail(token, error, cause);
    } catch (ApiError e) {
      throw refused(e);
    }
  }

  private static Refused refused(ApiError e) {
    return new Refused(
        e.code().equals("InvalidToken") ? Refusal.INVALID_TOKEN : Refusal.TASK_GONE, e.code());
  }
}
