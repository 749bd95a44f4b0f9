package dev.statecraft.testing;

import dev.statecraft.api.Activities;
import dev.statecraft.api.spi.SecretStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The activity implementations a test registered, by {@code @Activities} interface. */
final class ActivityRegistry {
  private final Map<String, Registration> byInterface = new ConcurrentHashMap<>();
  private final SecretStore secrets;

  /**
   * @param secrets where the activities' {@code Secrets.get} reads, limited per interface
   */
  ActivityRegistry(SecretStore secrets) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  private record Registration(Class<?> type, Object implementation) {}

  <T> void register(Class<T> type, T implementation) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(implementation, "implementation");
    if (!type.isInterface() || !type.isAnnotationPresent(Activities.class)) {
      throw new IllegalArgumentException(type.getName() + " is not an @Activities interface");
    }
    if (!type.isInstance(implementation)) {
      throw new IllegalArgumentException(
          implementation.getClass().getName() + " does not implement " + type.getName());
    }
    byInterface.put(type.getCanonicalName(), new Registration(type, implementation));
  }

  /** The binding of {@code method} of {@code type}, as workflow code calls it (direct mode). */
  ActivityBinding bind(Class<?> type, Method method, List<String> parameterNames) {
    Registration r = registration(type.getCanonicalName());
    return new ActivityBinding(method, parameterNames, r.implementation(), secrets);
  }

  /** The binding of the activity {@code name} of interface {@code owner} (engine mode). */
  ActivityBinding bind(String owner, String name, List<String> parameterNames) {
    Registration r = registration(owner);
    for (Method m : r.type().getMethods()) {
      if (m.getName().equals(name) && !m.isDefault() && !Modifier.isStatic(m.getModifiers())) {
        return new ActivityBinding(m, parameterNames, r.implementation(), secrets);
      }
    }
    throw new TestSetupError(
        owner + " has no method '" + name + "': are the compiled sources and the classes in sync?");
  }

  private Registration registration(String owner) {
    Registration r = byInterface.get(owner);
    if (r == null) {
      throw new TestSetupError(
          "no implementation of "
              + owner
              + " is registered: call"
              + " env.registerActivities("
              + simpleName(owner)
              + ".class, implementation)");
    }
    return r;
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
