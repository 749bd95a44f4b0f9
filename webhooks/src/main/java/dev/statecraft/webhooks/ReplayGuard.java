package dev.statecraft.webhooks;

import java.time.Clock;
import java.time.Instant;

/**
 * Remembers the deliveries a {@link WebhookReceiver} accepted, so that an exact copy of an accepted
 * request is answered 401 ("replayed delivery") and starts nothing.
 *
 * <p>A request's fingerprint covers the scheme, the delivery id, the signed timestamp and the
 * signature header. An attacker who captured a request can resend only that exact request, which
 * the guard refuses. A sender's own redelivery is signed again with a new timestamp, so it has a
 * new fingerprint. It passes the guard and reaches the {@link ExecutionStarter}, which finds the
 * execution of that name and starts nothing.
 *
 * <p>Each fingerprint is kept only until its signed timestamp leaves the tolerance window (after
 * that the timestamp check refuses the copy anyway), so memory stays bounded. GitHub signs no
 * timestamp, so its fingerprints are kept for the route's tolerance from the moment they were
 * accepted.
 *
 * <p>{@link #inMemory(Clock)} guards one process. Across many processes (Lambda containers) each
 * has its own memory, so a replay that reaches another container passes the guard. That is still
 * safe: the execution name comes from the delivery id, and a name that exists never starts a second
 * execution. A shared implementation (a DynamoDB conditional put with a TTL, say) closes that gap
 * too.
 */
public interface ReplayGuard {
  /**
   * Records {@code fingerprint} until {@code expiresAt}.
   *
   * @return {@code true} when it was new: not recorded before, or its record had expired; {@code
   *     false} for a replay
   */
  boolean admit(String fingerprint, Instant expiresAt);

  /**
   * Forgets {@code fingerprint}. The receiver calls it when it could not start the execution, so
   * the sender's exact retry is not taken for a replay.
   */
  void release(String fingerprint);

  /** A guard for one process that keeps its records in memory, expiring them by {@code clock}. */
  static ReplayGuard inMemory(Clock clock) {
    return new InMemoryReplayGuard(clock);
  }
}
