package dev.statecraft.adapters;

import dev.statecraft.api.spi.SecretStore;
import java.util.Set;

/**
 * One call of an activity inside a cloud function, the same on every cloud: the platform's secret
 * store is bound, limited to the secrets the activity's interface declares, while the
 * implementation runs; and neither its result nor its exception may carry a secret's value out
 * ({@link SecretLeak}).
 *
 * <pre>{@code
 * Object result = ActivityInvocation.run(info(), this, input, SecretStore.environment());
 * }</pre>
 */
public final class ActivityInvocation {
  private ActivityInvocation() {}

  /**
   * Runs {@code entryPoint} on {@code input}.
   *
   * @return the result, checked to hold no secret value
   * @throws Exception what the implementation threw, unchanged so that its class names the error;
   *     or {@link SecretLeak} when the result or the exception's message holds a secret's value
   */
  public static Object run(
      ActivityInfo info, ActivityEntryPoint entryPoint, ActivityInput input, SecretStore store)
      throws Exception {
    SecretStore scoped =
        SecretGuard.watching(store).declaring(info.activities(), Set.copyOf(info.secrets()));
    Object result;
    try (SecretStore.Scope s = SecretStore.bind(scoped)) {
      result = entryPoint.invoke(input);
    } catch (Exception e) {
      throw SecretGuard.foundIn(e)
          .<Exception>map(
              name ->
                  new SecretLeak(
                      "activity "
                          + info.displayName()
                          + " threw "
                          + e.getClass().getName()
                          + " with the value of secret '"
                          + name
                          + "' in its message; the message is withheld"))
          .orElse(e);
    }
    if (result != null) {
      SecretGuard.foundIn(ActivityJson.write(result))
          .ifPresent(
              name -> {
                throw new SecretLeak(
                    "activity "
                        + info.displayName()
                        + " returned a value holding secret '"
                        + name
                        + "'; secrets never leave the activity that reads them");
              });
    }
    return result;
  }
}
