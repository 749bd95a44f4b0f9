package gen;

public class OpFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OpFailed(String message) {
    super(message);
  }
}
