package golden.trycatch;

public class QuotaExceeded extends RateLimited {
  public QuotaExceeded(String message) {
    super(message);
  }
}
