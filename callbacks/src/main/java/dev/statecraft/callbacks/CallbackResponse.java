package dev.statecraft.callbacks;

import java.util.Objects;

/**
 * What the callback route answers: a status and a small JSON body that never holds the token.
 *
 * @param status the HTTP status
 * @param body JSON text
 */
public record CallbackResponse(int status, String body) {
  public CallbackResponse {
    Objects.requireNonNull(body, "body");
  }

  /** The response's content type. */
  public String contentType() {
    return "application/json";
  }
}
