package golden.throwingintry;

public class StepFailed extends RuntimeException {
  public StepFailed(String message) {
    super(message);
  }
}
