package dev.statecraft.manifest;

import dev.statecraft.api.WebhookScheme;
import java.util.Objects;

/**
 * A {@code @Webhook} of a workflow: {@code POST /webhooks/{path}} starts it.
 *
 * @param path the route under {@code /webhooks/}
 * @param scheme how the sender signs requests
 * @param secret the name of the signing secret (an environment variable locally, a Secrets Manager
 *     secret on AWS)
 * @param toleranceSeconds how far a signed timestamp may be from the receiver's clock
 */
public record WebhookSpec(String path, WebhookScheme scheme, String secret, int toleranceSeconds) {
  public WebhookSpec {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(secret, "secret");
  }
}
