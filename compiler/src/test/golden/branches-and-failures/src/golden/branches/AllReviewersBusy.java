package golden.branches;

public class AllReviewersBusy extends ReviewerBusy {
  public AllReviewersBusy(String message) {
    super(message);
  }
}
