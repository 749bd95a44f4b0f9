package golden.throwingintry;

import dev.statecraft.api.Activities;

@Activities
public interface Steps {
  String note(String text);
}
