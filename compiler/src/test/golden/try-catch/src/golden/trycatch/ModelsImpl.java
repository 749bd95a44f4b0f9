package golden.trycatch;

public class ModelsImpl implements Models {
  @Override
  public String strong(String prompt) {
    if (prompt.contains("busy")) {
      throw new QuotaExceeded("quota for " + prompt);
    }
    return "strong:" + prompt;
  }

  @Override
  public String cheap(String prompt) {
    return "cheap:" + prompt;
  }

  @Override
  public void record(String event) {}
}
