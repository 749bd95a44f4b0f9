package demo.shop;

/** The pricing service asked us to slow down; worth retrying. */
public class RateLimited extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RateLimited(String message) {
    super(message);
  }
}
