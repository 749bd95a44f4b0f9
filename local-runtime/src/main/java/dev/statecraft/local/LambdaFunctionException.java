package dev.statecraft.local;

/**
 * Thrown by a Lambda handler registered with {@link LocalEngine#registerLambda} to answer with a
 * function error, as the Lambda Invoke API does: the {@code X-Amz-Function-Error} header ({@code
 * Handled} or {@code Unhandled}) and the error payload the runtime wrote, such as {@code
 * {"errorMessage": "Some exception was raised.", "errorType": "Exception", "stackTrace": [...]}}.
 *
 * <p>The engine then fails the task as Step Functions does: the error is the payload's {@code
 * errorType} ({@code Lambda.Unknown} when it has none); the cause is the payload written again as
 * compact JSON for {@code arn:aws:states:::lambda:invoke} (and {@code .waitForTaskToken}), and the
 * payload text exactly as the function wrote it for a function-ARN Resource.
 *
 * <pre>{@code
 * engine.registerLambda("charge", (in, out, ctx) -> {
 *   throw new LambdaFunctionException("Unhandled",
 *       "{\"errorMessage\": \"card declined\", \"errorType\": \"PaymentDeclined\"}");
 * });
 * }</pre>
 */
public final class LambdaFunctionException extends RuntimeException {
  private final String functionError;
  private final String payload;

  /**
   * @param functionError the {@code X-Amz-Function-Error} value, {@code Handled} or {@code
   *     Unhandled}
   * @param payload the error payload, as the function's runtime wrote it
   */
  public LambdaFunctionException(String functionError, String payload) {
    super(functionError + " function error: " + payload, null, false, false);
    this.functionError = functionError;
    this.payload = payload;
  }

  /** The {@code X-Amz-Function-Error} value. */
  public String functionError() {
    return functionError;
  }

  /** The error payload text. */
  public String payload() {
    return payload;
  }
}
