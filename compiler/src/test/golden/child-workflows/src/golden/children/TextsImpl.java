package golden.children;

public class TextsImpl implements Texts {
  @Override
  public String translate(String text, String language) {
    return "[" + language + "] " + text;
  }

  @Override
  public String shout(String text) {
    return text.toUpperCase() + "!";
  }
}
