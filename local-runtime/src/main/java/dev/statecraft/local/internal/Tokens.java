package dev.statecraft.local.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Task tokens for {@code .waitForTaskToken}: stable per task attempt, so they survive restarts. */
final class Tokens {
  private Tokens() {}

  static String forTask(Branch b) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(taskKey(b, b.attempt).getBytes(StandardCharsets.UTF_8));
  }

  /** What identifies one attempt of the task branch {@code b} is at, across restarts. */
  static String taskKey(Branch b, int attempt) {
    return b.execution.arn + "|" + b.id + "|" + b.enteredEventId + "|" + attempt;
  }

  /** The ARN of the execution a token was handed out for, or null if it is no such token. */
  static String executionArn(String token) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String[] parts = raw.split("\\|", -1);
    boolean ok = parts.length == 4 && parts[0].startsWith("arn:aws:states:");
    return ok ? parts[0] : null;
  }
}
