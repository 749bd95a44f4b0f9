package dev.statecraft.manifest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One activity method, deployed as one function shared by every workflow that calls it.
 *
 * @param key the project-wide function key, {@code TriageActivities_classify}: the placeholder of
 *     its ARN in a definition, and the function's name locally
 * @param activities the {@code @Activities} interface's qualified name
 * @param method the activity method's name
 * @param implementation the qualified name of the class implementing the interface
 * @param awsHandler the qualified name of the generated Lambda handler class
 * @param timeoutSeconds how long one attempt may run, from {@code @Activity(timeout)}
 * @param memoryMb the function's memory, from {@code @Activity(memoryMb)}
 * @param secrets the secrets the interface declares with {@code @Secret}, sorted
 * @param environment the variables the interface declares with {@code @Env}, by name
 */
public record FunctionSpec(
    String key,
    String activities,
    String method,
    String implementation,
    String awsHandler,
    long timeoutSeconds,
    int memoryMb,
    List<String> secrets,
    Map<String, String> environment) {
  public FunctionSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(activities, "activities");
    Objects.requireNonNull(method, "method");
    secrets = List.copyOf(secrets == null ? List.of() : secrets.stream().sorted().toList());
    environment =
        java.util.Collections.unmodifiableMap(
            new TreeMap<>(environment == null ? Map.of() : environment));
  }

  /** The interface's simple name. */
  public String activitiesSimpleName() {
    return activities.substring(activities.lastIndexOf('.') + 1);
  }
}
