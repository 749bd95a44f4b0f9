package demo.shop;

/** A kind of rate limit: retried because {@code @Retry} names its superclass. */
public class QuotaExceeded extends RateLimited {
  private static final long serialVersionUID = 1L;

  public QuotaExceeded(String message) {
    super(message);
  }
}
