package golden.text;

public class ModelImpl implements Model {
  @Override
  public String complete(String prompt) {
    if (prompt.contains("silence")) {
      return "  \t ";
    }
    if (prompt.contains("control")) {
      return "\u001f\u2003\t"; // blank for Java (isWhitespace), not for JavaScript's \s
    }
    if (prompt.contains("bell")) {
      return "Score: 7 bell\u0001"; // trim() removes every char up to U+0020
    }
    if (prompt.contains("tea")) {
      return "Score: .75e1 for {x} aaa $1 TEA";
    }
    return "Score:  +8.5d because of {x} aaaa Coffee";
  }
}
