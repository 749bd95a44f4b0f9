package dev.statecraft.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryReplayGuardTest {
  private final MutableClock clock = new MutableClock(1_000);
  private final InMemoryReplayGuard guard = new InMemoryReplayGuard(clock);

  @Test
  void admitsAFingerprintOnceUntilItExpires() {
    assertTrue(guard.admit("a", Instant.ofEpochSecond(1_010)));
    assertFalse(guard.admit("a", Instant.ofEpochSecond(1_010)));

    clock.advanceSeconds(9);
    assertFalse(guard.admit("a", Instant.ofEpochSecond(1_020)));
    clock.advanceSeconds(1);
    assertTrue(guard.admit("a", Instant.ofEpochSecond(1_020)));
  }

  @Test
  void forgetsExpiredFingerprintsSoMemoryStaysBounded() {
    for (int i = 0; i < 1_000; i++) {
      guard.admit("f" + i, Instant.ofEpochSecond(1_000 + 1 + i % 10));
    }
    assertEquals(1_000, guard.size());

    clock.advanceSeconds(10);
    guard.admit("late", Instant.ofEpochSecond(1_100));

    assertEquals(1, guard.size());
  }

  @Test
  void releasedFingerprintIsAdmittedAgain() {
    guard.admit("a", Instant.ofEpochSecond(1_010));
    guard.release("a");

    assertTrue(guard.admit("a", Instant.ofEpochSecond(1_020)));
    clock.advanceSeconds(10);
    // The first record's expiry must not drop the second, which lives until 1020.
    assertFalse(guard.admit("a", Instant.ofEpochSecond(1_030)));
  }

  @Test
  void alreadyExpiredFingerprintIsAdmittedButNotKept() {
    assertTrue(guard.admit("old", Instant.ofEpochSecond(999)));

    assertEquals(0, guard.size());
  }
}
