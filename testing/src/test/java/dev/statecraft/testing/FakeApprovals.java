package dev.statecraft.testing;

import demo.approval.ApprovalActivities;
import demo.approval.Request;
import dev.statecraft.api.Callback;
import java.util.ArrayList;
import java.util.List;

/** A scripted {@link ApprovalActivities} that remembers the callbacks it was handed. */
final class FakeApprovals implements ApprovalActivities {
  private final RuntimeException reserveFailure;
  final List<Callback> callbacks = new ArrayList<>();

  FakeApprovals() {
    this(null);
  }

  FakeApprovals(RuntimeException reserveFailure) {
    this.reserveFailure = reserveFailure;
  }

  @Override
  public String reserve(String sku, int amount) {
    if (reserveFailure != null) {
      throw reserveFailure;
    }
    return "R-" + sku + "x" + amount;
  }

  @Override
  public synchronized void requestApproval(Request request, Callback callback) {
    callbacks.add(callback);
  }

  @Override
  public String ship(String reservation) {
    return "S-" + reservation;
  }
}
