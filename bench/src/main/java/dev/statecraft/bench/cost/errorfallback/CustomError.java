package dev.statecraft.bench.cost.errorfallback;

/** The custom error of the AWS example: the function raises it, the workflow catches it. */
public class CustomError extends RuntimeException {
  public CustomError(String message) {
    super(message);
  }
}
