package dev.statecraft.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Targets passed over for a while after a rate limit, timeout or server error, so that the calls
 * after a failure go straight to the next target instead of waiting on the failing one again. Held
 * per router, so per warm function instance: a cold start forgets them, which only costs one more
 * try.
 */
final class Cooldowns {
  private final Clock clock;
  private final Duration length;
  private final ConcurrentHashMap<Target, Instant> until = new ConcurrentHashMap<>();

  Cooldowns(Clock clock, Duration length) {
    this.clock = clock;
    this.length = length;
  }

  /** Until when {@code target} is passed over, if it is now. */
  Optional<Instant> coolingUntil(Target target) {
    Instant end = until.get(target);
    if (end == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(end)) {
      until.remove(target, end);
      return Optional.empty();
    }
    return Optional.of(end);
  }

  void failed(Target target) {
    until.put(target, clock.instant().plus(length));
  }

  void succeeded(Target target) {
    until.remove(target);
  }
}
