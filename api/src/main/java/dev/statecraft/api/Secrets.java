package dev.statecraft.api;

import dev.statecraft.api.spi.SecretStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the secrets an activity's interface declares with {@link Secret}. Call it from activity
 * implementations only: in workflow code it is the compile error {@code SECRET_IN_WORKFLOW}.
 *
 * <p>Where the value comes from depends on where the activity runs: the environment variable of the
 * same name locally, Secrets Manager on AWS (read once per cold start, then cached). Inside a
 * Statecraft function, reading a secret the interface does not declare fails, as it would on AWS,
 * where the function has no permission to read it.
 *
 * <pre>{@code
 * String key = Secrets.get("OPENAI_API_KEY");
 * Optional<String> webhook = Secrets.find("SLACK_WEBHOOK_URL");  // optional configuration
 * }</pre>
 */
public final class Secrets {
  private Secrets() {}

  /**
   * The value of the secret {@code name}.
   *
   * @throws IllegalStateException when the secret is not declared on the running activity's
   *     interface, or has no value; the message says where the value was looked for, never a value
   */
  public static String get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "secret '"
                        + name
                        + "' has no value: "
                        + SecretStore.current().whereToSet(name)));
  }

  /**
   * The value of the secret {@code name}, or empty when it has none (an optional integration whose
   * key is not set).
   *
   * @throws IllegalStateException when the secret is not declared on the running activity's
   *     interface
   */
  public static Optional<String> find(String name) {
    Objects.requireNonNull(name, "name");
    return SecretStore.current().find(name).filter(v -> !v.isEmpty());
  }
}
