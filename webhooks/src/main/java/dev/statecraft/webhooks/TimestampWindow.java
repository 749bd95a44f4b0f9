package dev.statecraft.webhooks;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** How far a signed timestamp may lie from {@code clock}, either way, in seconds. */
record TimestampWindow(Clock clock, long toleranceSeconds) {
  private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

  /** {@code text} as unix seconds: decimal digits only, no sign, no fraction. */
  static OptionalLong parse(String text) {
    return UNIX_SECONDS.matcher(text).matches()
        ? OptionalLong.of(Long.parseLong(text))
        : OptionalLong.empty();
  }

  /** Why {@code signedAt} is outside the window, or empty when it is inside. */
  Optional<String> problem(long signedAt) {
    long now = clock.instant().getEpochSecond();
    if (signedAt < now - toleranceSeconds) {
      return Optional.of(
          "the signed timestamp is more than " + toleranceSeconds + " seconds in the past");
    }
    if (signedAt > now + toleranceSeconds) {
      return Optional.of(
          "the signed timestamp is more than " + toleranceSeconds + " seconds in the future");
    }
    return Optional.empty();
  }
}
