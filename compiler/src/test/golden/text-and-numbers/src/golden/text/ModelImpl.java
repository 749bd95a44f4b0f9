package golden.text;

public class ModelImpl implements Model {
  @Override
  public String complete(String prompt) {
    if (prompt.contains("silence")) {
      return "  \t ";
    }
    if (prompt.contains("tea")) {
      return "Score: .75e1 for {x} aaa $1 TEA";
    }
    return "Score:  +8.5d because of {x} aaaa Coffee";
  }
}
