package dev.statecraft.bench.cost.humanapproval;

import dev.statecraft.api.Callback;

/** The request would go out by email with the callback's URL; the answer comes from the test. */
public class ApprovalsImpl implements Approvals {
  @Override
  public void askApprover(String request, Callback callback) {}

  @Override
  public String carryOut(String request) {
    return "done: " + request;
  }
}
