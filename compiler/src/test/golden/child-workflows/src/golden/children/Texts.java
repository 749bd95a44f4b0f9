package golden.children;

import dev.statecraft.api.Activities;

@Activities
public interface Texts {
  String translate(String text, String language);

  String shout(String text);
}
