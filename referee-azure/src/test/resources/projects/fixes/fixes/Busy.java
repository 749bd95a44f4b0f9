package fixes;

public class Busy extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Busy(String message) {
    super(message);
  }
}
