package dev.statecraft.webhooks;

/**
 * Turns a delivery id into a Step Functions execution name: 1 to 80 characters, no whitespace, no
 * control characters, none of {@code <>{}[]?*"#%\^|~`$&,;:/}.
 *
 * <p>An id that is already such a name (and printable ASCII, which CloudWatch logging wants) is the
 * name as it is, so an execution can be found by the sender's id. Otherwise each offending
 * character becomes {@code -}, the result is cut to 67 characters, and {@code -} plus the first 12
 * hex digits of the id's SHA-256 are appended. The hash keeps two ids that differ only in replaced
 * or cut characters apart ({@code a:b} and {@code a/b}), and the same id always gets the same name.
 */
final class ExecutionNames {
  static final int MAX_LENGTH = 80;
  private static final int HASH_LENGTH = 12;
  private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

  private ExecutionNames() {}

  static String of(String deliveryId) {
    if (deliveryId.isEmpty()) {
      throw new IllegalArgumentException("a delivery id is never empty");
    }
    StringBuilder name = new StringBuilder(deliveryId.length());
    boolean changed = false;
    for (int i = 0; i < deliveryId.length(); i++) {
      char c = deliveryId.charAt(i);
      boolean allowed = c > ' ' && c < 0x7f && FORBIDDEN.indexOf(c) < 0;
      name.append(allowed ? c : '-');
      changed |= !allowed;
    }
    if (!changed && name.length() <= MAX_LENGTH) {
      return name.toString();
    }
    int keep = Math.min(name.length(), MAX_LENGTH - HASH_LENGTH - 1);
    return name.substring(0, keep) + "-" + Sha256.hex(deliveryId).substring(0, HASH_LENGTH);
  }
}
