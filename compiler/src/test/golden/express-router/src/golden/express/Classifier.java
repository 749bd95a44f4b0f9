package golden.express;

import dev.statecraft.api.Activities;

@Activities
public interface Classifier {
  String label(String text);
}
