package dev.statecraft.api.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@link dev.statecraft.api.Secrets} reads secrets. The cloud adapters bind the store of
 * their platform (Secrets Manager on AWS) around each activity invocation, restricted to the
 * secrets the activity's interface declares; with nothing bound, secrets come from the environment.
 *
 * <pre>{@code
 * try (SecretStore.Scope s =
 *     SecretStore.bind(SecretStore.environment().declaring("TriageActivities", Set.of("OPENAI_API_KEY")))) {
 *   return activities.classify(ticket);
 * }
 * }</pre>
 */
public interface SecretStore {
  /**
   * The value of secret {@code name}, or empty when it has none.
   *
   * @throws IllegalStateException when this store may not read {@code name}
   */
  Optional<String> find(String name);

  /** Where a user sets the value of {@code name}, for error messages; never the value. */
  String whereToSet(String name);

  /** Secrets as environment variables of the same name. */
  static SecretStore environment() {
    return Binding.ENVIRONMENT;
  }

  /**
   * This store limited to {@code declared}: reading another name fails with a message naming {@code
   * owner}, the interface that would have to declare it.
   */
  default SecretStore declaring(String owner, Set<String> declared) {
    Objects.requireNonNull(owner, "owner");
    Set<String> names = Set.copyOf(declared);
    SecretStore inner = this;
    return new SecretStore() {
      @Override
      public Optional<String> find(String name) {
        if (!names.contains(name)) {
          throw new IllegalStateException(
              "secret '"
                  + name
                  + "' is not declared on "
                  + owner
                  + ": add @Secret(\""
                  + name
                  + "\") to the interface");
        }
        return inner.find(name);
      }

      @Override
      public String whereToSet(String name) {
        return inner.whereToSet(name);
      }
    };
  }

  /** The store bound to this thread, else {@link #environment()}. */
  static SecretStore current() {
    SecretStore s = Binding.CURRENT.get();
    return s == null ? environment() : s;
  }

  /** Binds {@code store} to this thread (and threads it starts) until the scope closes. */
  static Scope bind(SecretStore store) {
    Objects.requireNonNull(store, "store");
    SecretStore previous = Binding.CURRENT.get();
    Binding.CURRENT.set(store);
    return () -> Binding.CURRENT.set(previous);
  }

  /** Undoes a {@link #bind(SecretStore)}. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Holder of the per-thread binding and the environment store. */
  final class Binding {
    private static final InheritableThreadLocal<SecretStore> CURRENT =
        new InheritableThreadLocal<>();
    private static final SecretStore ENVIRONMENT =
        new SecretStore() {
          @Override
          public Optional<String> find(String name) {
            return Optional.ofNullable(System.getenv(name));
          }

          @Override
          public String whereToSet(String name) {
            return "set the environment variable " + name;
          }
        };

    private Binding() {}
  }
}
