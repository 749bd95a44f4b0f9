package dev.statecraft.cdk;

import dev.statecraft.manifest.DeploymentManifest.Route;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * What one {@link StatecraftApi} serves.
 *
 * @param prefix the backend's name prefix
 * @param routes the webhooks, sorted by path
 * @param callbackWorkflows the workflows whose waits are answered through {@code /callbacks}
 * @param secrets the project's secrets, by name; the receiver reads the webhooks' ones
 * @param code the deployable jar
 * @param logRetention how long the log groups keep logs
 */
record StatecraftApiProps(
    String prefix,
    List<Route> routes,
    List<String> callbackWorkflows,
    Map<String, StatecraftSecret> secrets,
    Code code,
    RetentionDays logRetention) {
  StatecraftApiProps {
    Objects.requireNonNull(prefix, "prefix");
    routes = List.copyOf(routes);
    callbackWorkflows = List.copyOf(callbackWorkflows);
    secrets = java.util.Collections.unmodifiableMap(new TreeMap<>(secrets));
    if (routes.isEmpty() && callbackWorkflows.isEmpty()) {
      throw new IllegalArgumentException("an API with no webhook and no callback serves nothing");
    }
  }
}
