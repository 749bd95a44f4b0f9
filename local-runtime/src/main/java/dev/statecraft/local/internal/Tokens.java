package dev.statecraft.local.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Task tokens for {@code .waitForTaskToken}: stable per task attempt, so they survive restarts. */
final class Tokens {
  private Tokens() {}

  static String forTask(Branch b) {
    String raw = b.execution.arn + "|" + b.id + "|" + b.enteredEventId + "|" + b.attempt;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }
}
