package dev.statecraft.webhooks;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over parts of a message, and the constant-time comparison of signatures. */
final class Hmac {
  private static final String ALGORITHM = "HmacSHA256";

  private Hmac() {}

  /** HMAC-SHA256 of the concatenated {@code parts} under {@code key}. */
  static byte[] sha256(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
    }
  }

  /** Whether the HMAC of {@code parts} under any of {@code keys} is one of {@code candidates}. */
  static boolean anyKeyMatches(List<byte[]> keys, List<byte[]> candidates, byte[]... parts) {
    boolean match = false;
    for (byte[] key : keys) {
      match |= matchesAny(sha256(key, parts), candidates);
    }
    return match;
  }

  /** Whether {@code expected} equals any of {@code candidates}, each compared in constant time. */
  static boolean matchesAny(byte[] expected, List<byte[]> candidates) {
    boolean match = false;
    for (byte[] candidate : candidates) {
      match |= MessageDigest.isEqual(expected, candidate);
    }
    return match;
  }

  /** The hex signatures among {@code values} that start with {@code prefix}, decoded. */
  static List<byte[]> hexSignatures(String prefix, List<String> values) {
    List<byte[]> out = new ArrayList<>();
    for (String value : values) {
      String v = value.trim();
      if (v.startsWith(prefix)) {
        fromHex(v.substring(prefix.length())).ifPresent(out::add);
      }
    }
    return out;
  }

  /** {@code hex} decoded, or empty when it is not an even number of hex digits. */
  static Optional<byte[]> fromHex(String hex) {
    if (hex.isEmpty() || hex.length() % 2 != 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code base64} decoded, or empty when it is not base64. */
  static Optional<byte[]> fromBase64(String base64) {
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
