package dev.statecraft.referee.azure;

import com.fasterxml.jackson.databind.JsonNode;

/** Delivers a {@link CallbackAnswer} to the wait a callback stands for. */
final class Callbacks {
  private Callbacks() {}

  static void answer(AzureReferee referee, JsonNode callback, CallbackAnswer answer) {
    if (answer instanceof CallbackAnswer.None) {
      return;
    }
    String token = callback.get("token").asText();
    int slash = token.lastIndexOf('/');
    String instance = token.substring(0, slash);
    String event = token.substring(slash + 1);
    if (answer instanceof CallbackAnswer.Value v) {
      referee.raise(instance, event, v.value());
    } else if (answer instanceof CallbackAnswer.Error e) {
      throw new UnsupportedOperationException(
          "the generated callback has no way to fail a wait (" + e.error() + ")");
    }
  }
}
