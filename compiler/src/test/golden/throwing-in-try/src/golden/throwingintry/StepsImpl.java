package golden.throwingintry;

public class StepsImpl implements Steps {
  @Override
  public String note(String text) {
    if (text.equals("boom")) {
      throw new StepFailed("cannot note " + text);
    }
    return "noted " + text;
  }
}
