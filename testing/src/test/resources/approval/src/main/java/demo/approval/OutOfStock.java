package demo.approval;

/** The warehouse cannot reserve the amount asked for. */
public class OutOfStock extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OutOfStock(String message) {
    super(message);
  }
}
