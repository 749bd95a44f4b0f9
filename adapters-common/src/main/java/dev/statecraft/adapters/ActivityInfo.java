package dev.statecraft.adapters;

import dev.statecraft.api.Secret;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which activity a generated entry point runs, and the secrets its interface declares with {@link
 * Secret}: the adapters bind exactly those around each call, so that reading another secret fails
 * locally as it would in the cloud.
 *
 * <pre>{@code
 * private static final ActivityInfo INFO = ActivityInfo.of(TriageActivities.class, "classify");
 * }</pre>
 *
 * @param activities the {@code @Activities} interface's simple name
 * @param method the activity method's name
 * @param secrets the secret names the interface declares
 */
public record ActivityInfo(String activities, String method, List<String> secrets) {
  public ActivityInfo {
    Objects.requireNonNull(activities, "activities");
    Objects.requireNonNull(method, "method");
    secrets = List.copyOf(secrets);
  }

  /** The activity {@code method} of {@code activities}, its secrets read from the annotations. */
  public static ActivityInfo of(Class<?> activities, String method) {
    List<String> secrets =
        Arrays.stream(activities.getAnnotationsByType(Secret.class)).map(Secret::value).toList();
    return new ActivityInfo(activities.getSimpleName(), method, secrets);
  }

  /** {@code TriageActivities.classify}. */
  public String displayName() {
    return activities + "." + method;
  }
}
