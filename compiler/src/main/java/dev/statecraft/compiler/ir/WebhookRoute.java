package dev.statecraft.compiler.ir;

import dev.statecraft.api.WebhookScheme;
import dev.statecraft.compiler.diagnostic.SourcePosition;
import java.util.Objects;

/**
 * A {@code @Webhook} of a workflow: signed requests to {@code /webhooks/{path}} start it.
 *
 * @param path the route under {@code /webhooks/}
 * @param scheme how the sender signs its requests
 * @param secretEnv the name of the signing secret
 * @param toleranceSeconds how far a signed timestamp may be from the receiver's clock
 * @param position where the annotation is written
 */
public record WebhookRoute(
    String path,
    WebhookScheme scheme,
    String secretEnv,
    int toleranceSeconds,
    SourcePosition position) {
  public WebhookRoute {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(secretEnv, "secretEnv");
  }
}
