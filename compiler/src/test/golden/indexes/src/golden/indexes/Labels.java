package golden.indexes;

import dev.statecraft.api.Activities;

@Activities
public interface Labels {
  String label(String s);
}
