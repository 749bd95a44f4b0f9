package golden.branches;

public class ApprovalActivitiesImpl implements ApprovalActivities {
  @Override
  public int riskScore(Request request) {
    return request.amount() / 100;
  }

  @Override
  public String assignReviewer(Request request, int score) {
    return score > 50 ? "senior" : "junior";
  }

  @Override
  public void audit(String user, String outcome) {}
}
