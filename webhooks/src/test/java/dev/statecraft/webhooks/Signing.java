package dev.statecraft.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The tests' own HMAC, written apart from the code under test so each can catch the other. */
final class Signing {
  private Signing() {}

  static byte[] hmac(byte[] key, String message) {
    return hmac(key, message.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String hex(String key, String message) {
    return HexFormat.of().formatHex(hmac(key.getBytes(StandardCharsets.UTF_8), message));
  }

  /** A Standard Webhooks {@code v1,...} signature of {@code id.timestamp.body}. */
  static String standard(String secret, String id, long timestamp, String body) {
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    return "v1," + Base64.getEncoder().encodeToString(hmac(key, id + "." + timestamp + "." + body));
  }

  static String stripe(String secret, long timestamp, String body) {
    return hex(secret, timestamp + "." + body);
  }

  static String github(String secret, String body) {
    return "sha256=" + hex(secret, body);
  }

  static String slack(String secret, long timestamp, String body) {
    return "v0=" + hex(secret, "v0:" + timestamp + ":" + body);
  }
}
