package golden.voids;

import dev.statecraft.api.Activities;

@Activities
public interface Notifier {
  void ping(String message);

  String status();
}
