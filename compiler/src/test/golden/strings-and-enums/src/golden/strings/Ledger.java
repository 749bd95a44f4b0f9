package golden.strings;

import dev.statecraft.api.Activities;

@Activities
public interface Ledger {
  void record(String entry);
}
