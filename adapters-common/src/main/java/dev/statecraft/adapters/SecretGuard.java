package dev.statecraft.adapters;

import dev.statecraft.api.spi.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the secret values a store has handed out in this process, to find them where they must
 * never be: an activity's result and the messages of the exceptions it throws. Values shorter than
 * {@value #MIN_LENGTH} characters are not looked for, since they would match ordinary text.
 */
final class SecretGuard {
  static final int MIN_LENGTH = 6;

  private static final Map<String, String> HANDED_OUT = new ConcurrentHashMap<>();

  private SecretGuard() {}

  /** {@code store}, remembering every value it returns. */
  static SecretStore watching(SecretStore store) {
    return new SecretStore() {
      @Override
      public Optional<String> find(String name) {
        Optional<String> value = store.find(name);
        value.filter(v -> v.length() >= MIN_LENGTH).ifPresent(v -> HANDED_OUT.put(v, name));
        return value;
      }

      @Override
      public String whereToSet(String name) {
        return store.whereToSet(name);
      }
    };
  }

  /** The name of a secret whose value occurs in {@code text}, if any. */
  static Optional<String> foundIn(String text) {
    if (text == null || text.isEmpty() || HANDED_OUT.isEmpty()) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> e : HANDED_OUT.entrySet()) {
      if (text.contains(e.getKey()) || text.contains(escaped(e.getKey()))) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** The name of a secret whose value occurs in the messages of {@code t} or its causes. */
  static Optional<String> foundIn(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      Optional<String> found = foundIn(c.getMessage());
      if (found.isPresent()) {
        return found;
      }
      for (Throwable s : c.getSuppressed()) {
        found = foundIn(s);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** {@code value} as it appears inside a JSON string. */
  private static String escaped(String value) {
    String json = ActivityJson.write(value);
    return json.substring(1, json.length() - 1);
  }
}
