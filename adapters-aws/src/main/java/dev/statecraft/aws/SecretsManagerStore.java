package dev.statecraft.aws;

import dev.statecraft.api.spi.SecretStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Secrets from AWS Secrets Manager, as deployed functions read them. The deployment sets {@code
 * STATECRAFT_SECRET_<NAME>} to the ARN of the secret {@code NAME} on each function whose interface
 * declares it (and grants it read access to that secret only). A value is fetched the first time an
 * activity asks for it, never while the function initialises (so no SnapStart snapshot holds it),
 * then cached until the next cold start. A secret that has no value yet is asked for again on each
 * read, so setting it takes effect without a new deployment.
 */
public final class SecretsManagerStore implements SecretStore {
  /** The prefix of the environment variables that carry each secret's ARN. */
  public static final String ARN_VARIABLE_PREFIX = "STATECRAFT_SECRET_";

  private final Map<String, String> environment;
  private final Supplier<SecretsManagerClient> client;
  private final Map<String, String> cache = new ConcurrentHashMap<>();
  private volatile SecretsManagerClient created;

  /**
   * @param environment where the secrets' ARNs are, normally {@link System#getenv()}
   * @param client makes the client on first use
   */
  public SecretsManagerStore(
      Map<String, String> environment, Supplier<SecretsManagerClient> client) {
    this.environment = Map.copyOf(environment);
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The store of a deployed function: its environment, the default AWS configuration. */
  public static SecretsManagerStore fromEnvironment() {
    return new SecretsManagerStore(
        System.getenv(),
        () -> SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
  }

  @Override
  public Optional<String> find(String name) {
    String cached = cache.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    String arn = arn(name);
    try {
      GetSecretValueResponse r = client().getSecretValue(b -> b.secretId(arn));
      String value =
          r.secretString() != null
              ? r.secretString()
              : r.secretBinary() == null ? null : r.secretBinary().asUtf8String();
      if (value == null || value.isEmpty()) {
        return Optional.empty();
      }
      cache.put(name, value);
      return Optional.of(value);
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    } catch (SecretsManagerException e) {
      throw new IllegalStateException(
          "cannot read secret '"
              + name
              + "' from Secrets Manager: "
              + e.awsErrorDetails().errorCode()
              + " (HTTP "
              + e.statusCode()
              + ")");
    } catch (SdkException e) {
      throw new IllegalStateException(
          "cannot reach Secrets Manager for secret '"
              + name
              + "': "
              + e.getClass().getSimpleName());
    }
  }

  @Override
  public String whereToSet(String name) {
    String arn = environment.get(ARN_VARIABLE_PREFIX + name);
    return arn == null
        ? "this function was deployed without secret '" + name + "'; deploy again"
        : "set the value of the Secrets Manager secret "
            + arn
            + " (aws secretsmanager put-secret-value --secret-id "
            + arn
            + " --secret-string ...)";
  }

  private String arn(String name) {
    String arn = environment.get(ARN_VARIABLE_PREFIX + name);
    if (arn == null || arn.isBlank()) {
      throw new IllegalStateException(
          "secret '"
              + name
              + "' is declared but this function was deployed without "
              + ARN_VARIABLE_PREFIX
              + name
              + "; deploy again");
    }
    return arn;
  }

  private SecretsManagerClient client() {
    SecretsManagerClient c = created;
    if (c == null) {
      synchronized (this) {
        c = created;
        if (c == null) {
          c = client.get();
          created = c;
        }
      }
    }
    return c;
  }
}
