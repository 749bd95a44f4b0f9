package dev.statecraft.bench.cost.humanapproval;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Callback;

/** Asks a human, then carries out what was approved. */
@Activities
public interface Approvals {
  void askApprover(String request, Callback callback);

  String carryOut(String request);
}
