package golden.branches;

public class ReviewerBusy extends RuntimeException {
  public ReviewerBusy(String message) {
    super(message);
  }
}
