package dev.statecraft.cdk;

import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.FunctionSpec;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * What a {@link StatecraftBackend} deploys: a compiled project's manifest, where its relative paths
 * start, and the jar the functions run.
 *
 * <pre>{@code
 * StatecraftBackendProps props =
 *     StatecraftBackendProps.builder()
 *         .manifestFile(Path.of("target/statecraft/statecraft-manifest.json"))
 *         .jar(Path.of("target/support-triage-1.0-aws.jar"))
 *         .environmentOverride("STATECRAFT_LARGE_MODEL", "gpt-4.1")
 *         .build();
 * }</pre>
 *
 * @param manifest the deployment manifest
 * @param manifestDirectory the folder the manifest's definition paths are relative to, normally the
 *     one holding {@value DeploymentManifest#FILE_NAME}
 * @param jar the deployable jar (handlers, adapters and the manifest), the code of every function
 * @param environmentOverrides values that replace {@code @Env} defaults, by variable name, in every
 *     function that declares the variable. Only declared variables may be overridden, and never
 *     with a secret: a name that is a declared secret is refused, so a secret's value cannot reach
 *     the template this way
 * @param namePrefix starts the physical names ({@code <prefix>-<workflow>} state machines, {@code
 *     <prefix>/<NAME>} secrets); {@code null} for the stack's name, which is unique in its account
 *     and region
 * @param logRetention how long every log group keeps logs; {@code null} for one month
 */
public record StatecraftBackendProps(
    DeploymentManifest manifest,
    Path manifestDirectory,
    Path jar,
    Map<String, String> environmentOverrides,
    String namePrefix,
    RetentionDays logRetention) {
  public StatecraftBackendProps {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(manifestDirectory, "manifestDirectory");
    Objects.requireNonNull(jar, "jar");
    environmentOverrides =
        Collections.unmodifiableMap(
            new TreeMap<>(environmentOverrides == null ? Map.of() : environmentOverrides));
    logRetention = logRetention == null ? RetentionDays.ONE_MONTH : logRetention;
    if (namePrefix != null && !DeployedNames.PREFIX.matcher(namePrefix).matches()) {
      throw new IllegalArgumentException(
          "name prefix '"
              + namePrefix
              + "' may hold only letters, digits, '-' and '_', and must start with a letter or"
              + " digit");
    }
    checkOverrides(manifest, environmentOverrides);
  }

  private static void checkOverrides(DeploymentManifest manifest, Map<String, String> overrides) {
    TreeSet<String> declared = new TreeSet<>();
    manifest.functions().stream()
        .map(FunctionSpec::environment)
        .forEach(e -> declared.addAll(e.keySet()));
    overrides.forEach(
        (name, value) -> {
          if (manifest.secrets().contains(name)) {
            throw new IllegalArgumentException(
                "'"
                    + name
                    + "' is a secret, not an @Env variable: set it in Secrets Manager after"
                    + " deploying, never in the template");
          }
          if (!declared.contains(name)) {
            throw new IllegalArgumentException(
                "no activity declares @Env '" + name + "'; the declared variables are " + declared);
          }
          Objects.requireNonNull(value, () -> "the override of '" + name + "' has no value");
        });
  }

  /** A builder with no overrides, the stack's name as prefix and one month of logs. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these props. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.manifest = manifest;
    b.manifestDirectory = manifestDirectory;
    b.jar = jar;
    b.environmentOverrides.putAll(environmentOverrides);
    b.namePrefix = namePrefix;
    b.logRetention = logRetention;
    return b;
  }

  /** Builds {@link StatecraftBackendProps}. */
  public static final class Builder {
    private DeploymentManifest manifest;
    private Path manifestDirectory;
    private Path jar;
    private final Map<String, String> environmentOverrides = new TreeMap<>();
    private String namePrefix;
    private RetentionDays logRetention;

    private Builder() {}

    /** Reads the manifest from {@code file}; its paths are relative to the file's folder. */
    public Builder manifestFile(Path file) {
      Path absolute = file.toAbsolutePath();
      this.manifest = DeploymentManifest.read(absolute);
      this.manifestDirectory = absolute.getParent();
      return this;
    }

    /** The manifest, already read. */
    public Builder manifest(DeploymentManifest manifest) {
      this.manifest = manifest;
      return this;
    }

    /** The folder the manifest's paths are relative to. */
    public Builder manifestDirectory(Path directory) {
      this.manifestDirectory = directory;
      return this;
    }

    /** The deployable jar. */
    public Builder jar(Path jar) {
      this.jar = jar;
      return this;
    }

    /** Replaces the {@code @Env} value of {@code name} in every function that declares it. */
    public Builder environmentOverride(String name, String value) {
      environmentOverrides.put(name, value);
      return this;
    }

    /** Adds every override in {@code overrides}. */
    public Builder environmentOverrides(Map<String, String> overrides) {
      environmentOverrides.putAll(overrides);
      return this;
    }

    /** The physical names' prefix. */
    public Builder namePrefix(String prefix) {
      this.namePrefix = prefix;
      return this;
    }

    /** How long log groups keep logs. */
    public Builder logRetention(RetentionDays retention) {
      this.logRetention = retention;
      return this;
    }

    /**
     * The props.
     *
     * @throws IllegalArgumentException when an override names an undeclared variable or a secret
     */
    public StatecraftBackendProps build() {
      return new StatecraftBackendProps(
          manifest, manifestDirectory, jar, environmentOverrides, namePrefix, logRetention);
    }
  }
}
