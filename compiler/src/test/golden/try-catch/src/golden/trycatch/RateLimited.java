package golden.trycatch;

public class RateLimited extends RuntimeException {
  public RateLimited(String message) {
    super(message);
  }
}
