package dev.statecraft.referee.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * How the referee answers one {@code Durable.awaitCallback} wait, once the activity that was handed
 * the callback has returned: with a value, with an error (the wait fails with it), or not at all
 * (the wait times out).
 */
public sealed interface CallbackAnswer {
  /** Completes the wait with {@code value}. */
  record Value(JsonNode value) implements CallbackAnswer {
    public Value {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Fails the wait with error {@code error} and {@code cause}, as {@code ?error=&cause=} does. */
  record Error(String error, String cause) implements CallbackAnswer {
    public Error {
      Objects.requireNonNull(error, "error");
    }
  }

  /** Leaves the wait unanswered, so that it times out. */
  record None() implements CallbackAnswer {}
}
