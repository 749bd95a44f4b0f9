package dev.statecraft.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code nextToken} of a paged list: where the next page starts, bound to the list it belongs
 * to (the operation and its arguments), so that a token handed to another list is refused with
 * {@code InvalidToken} as AWS does.
 */
final class PageToken {
  private PageToken() {}

  static String encode(String list, String position) {
    String raw = list + "\n" + position;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The position in {@code token}, null when there is no token. */
  static String decode(String token, String list) {
    if (token == null) {
      return null;
    }
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    int newline = raw.indexOf('\n');
    if (newline < 0 || !raw.substring(0, newline).equals(list)) {
      throw invalid();
    }
    return raw.substring(newline + 1);
  }

  static ApiError invalid() {
    return new ApiError("InvalidToken", "Invalid Token: 'Invalid token'");
  }
}
