package dev.statecraft.manifest;

import java.util.Objects;

/**
 * One {@code Durable.awaitCallback} of a workflow: the answer posted to {@code
 * /callbacks/{workflow}/{id}?token=...} must decode as {@code javaType}, or it is refused with 400
 * and the wait goes on.
 *
 * @param id the wait's name in the workflow's callback URLs (on AWS, its state's name)
 * @param javaType the awaited type, as {@link DeploymentManifest#javaType} spells types
 * @param notifier the function key of the activity that hands the callback on
 */
public record CallbackSpec(String id, String javaType, String notifier) {
  public CallbackSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(notifier, "notifier");
  }
}
