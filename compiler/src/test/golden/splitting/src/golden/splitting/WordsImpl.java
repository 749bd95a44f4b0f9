package golden.splitting;

import java.util.List;

public class WordsImpl implements Words {
  @Override
  public String count(List<String> words) {
    return words.size() + " words: " + words;
  }
}
