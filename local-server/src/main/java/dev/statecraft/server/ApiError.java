package dev.statecraft.server;

/**
 * An error the API answers with HTTP 400 and {@code {"__type":code,"message":...}}, {@code code}
 * being the name Step Functions gives it ({@code ExecutionDoesNotExist}, {@code InvalidArn}, ...).
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  ApiError(String code, String message) {
    super(message);
    this.code = code;
  }

  String code() {
    return code;
  }

  static ApiError validation(String message) {
    return new ApiError("ValidationException", "1 validation error detected: " + message);
  }
}
