package dev.statecraft.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/** {@link ReplayGuard#inMemory}: a map of live fingerprints and a queue ordered by expiry. */
final class InMemoryReplayGuard implements ReplayGuard {
  private record Entry(String fingerprint, Instant expiresAt) {}

  private final Clock clock;
  private final Map<String, Instant> live = new HashMap<>();
  private final PriorityQueue<Entry> byExpiry =
      new PriorityQueue<>(Comparator.comparing(Entry::expiresAt));

  InMemoryReplayGuard(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized boolean admit(String fingerprint, Instant expiresAt) {
    Instant now = clock.instant();
    evictExpired(now);
    if (live.containsKey(fingerprint)) {
      return false;
    }
    if (expiresAt.isAfter(now)) {
      live.put(fingerprint, expiresAt);
      byExpiry.add(new Entry(fingerprint, expiresAt));
    }
    return true;
  }

  @Override
  public synchronized void release(String fingerprint) {
    live.remove(fingerprint);
  }

  /**
   * How many fingerprints are remembered, expired ones included until the next call evicts them.
   */
  synchronized int size() {
    return live.size();
  }

  private void evictExpired(Instant now) {
    while (!byExpiry.isEmpty() && !byExpiry.peek().expiresAt().isAfter(now)) {
      Entry e = byExpiry.poll();
      // A released and re-admitted fingerprint has a newer entry; only drop the one that expired.
      live.remove(e.fingerprint(), e.expiresAt());
    }
  }
}
