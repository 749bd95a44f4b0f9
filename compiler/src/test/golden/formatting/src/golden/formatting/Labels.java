package golden.formatting;

import dev.statecraft.api.Activities;

@Activities
public interface Labels {
  String tag(int quantity);
}
