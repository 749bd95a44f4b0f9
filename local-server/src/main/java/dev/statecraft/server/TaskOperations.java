package dev.statecraft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.local.LocalEngine;
import dev.statecraft.local.TaskTokenException;

/**
 * {@code SendTaskSuccess}, {@code SendTaskFailure} and {@code SendTaskHeartbeat}, which answer the
 * tasks that wait for a token ({@code .waitForTaskToken}); the callback endpoint completes tasks
 * through the same methods.
 */
final class TaskOperations {
  private static final int MAX_TOKEN = 2048;

  private final LocalEngine engine;

  TaskOperations(LocalEngine engine) {
    this.engine = engine;
  }

  ObjectNode sendSuccess(Request request) {
    String token = token(request);
    String output = request.required("output");
    succeed(token, output);
    return ApiJson.object();
  }

  ObjectNode sendFailure(Request request) {
    String token = token(request);
    fail(token, request.optional("error", 256), request.optional("cause", 32768));
    return ApiJson.object();
  }

  ObjectNode sendHeartbeat(Request request) {
    String token = token(request);
    try {
      engine.sendTaskHeartbeat(token);
    } catch (TaskTokenException e) {
      throw refused(e);
    }
    return ApiJson.object();
  }

  /** Completes the task waiting for {@code token} with {@code output}, which must be JSON. */
  void succeed(String token, String output) {
    String problem = ApiJson.problem(output);
    if (problem != null) {
      throw new ApiError("InvalidOutput", "Invalid Output: '" + problem + "'");
    }
    try {
      engine.sendTaskSuccess(token, output);
    } catch (TaskTokenException e) {
      throw refused(e);
    }
  }

  /** Fails the task waiting for {@code token}. */
  void fail(String token, String error, String cause) {
    try {
      engine.sendTaskFailure(token, error, cause);
    } catch (TaskTokenException e) {
      throw refused(e);
    }
  }

  private static String token(Request request) {
    String token = request.required("taskToken");
    if (token.isEmpty() || token.length() > MAX_TOKEN) {
      throw new ApiError("InvalidToken", "Invalid Token: 'Invalid token'");
    }
    return token;
  }

  private static ApiError refused(TaskTokenException e) {
    String code =
        switch (e.reason()) {
          case INVALID_TOKEN -> "InvalidToken";
          case TASK_DOES_NOT_EXIST -> "TaskDoesNotExist";
          case TASK_TIMED_OUT -> "TaskTimedOut";
        };
    return new ApiError(code, e.getMessage());
  }
}
