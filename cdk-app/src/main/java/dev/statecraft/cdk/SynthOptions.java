package dev.statecraft.cdk;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link StatecraftCdkApp#synth} synthesizes.
 *
 * <pre>{@code
 * Synthesis s =
 *     StatecraftCdkApp.synth(
 *         SynthOptions.builder()
 *             .manifest(Path.of("statecraft-out/statecraft-manifest.json"))
 *             .jar(Path.of("target/app-aws.jar"))
 *             .outDir(Path.of("cdk.out"))
 *             .build());
 * }</pre>
 *
 * @param manifest the {@value dev.statecraft.manifest.DeploymentManifest#FILE_NAME}; definition
 *     paths are relative to its folder
 * @param jar the deployable jar
 * @param outDir where the cloud assembly goes, {@code cdk.out} by default
 * @param stackName the stack's name; {@code null} for {@code statecraft-<first workflow>}
 * @param environment {@code @Env} overrides by variable name; they win over CDK context {@code
 *     env.NAME} values
 */
public record SynthOptions(
    Path manifest, Path jar, Path outDir, String stackName, Map<String, String> environment) {
  /** The default cloud assembly folder. */
  public static final Path DEFAULT_OUT_DIR = Path.of("cdk.out");

  public SynthOptions {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(jar, "jar");
    outDir = outDir == null ? DEFAULT_OUT_DIR : outDir;
    environment =
        Collections.unmodifiableMap(new TreeMap<>(environment == null ? Map.of() : environment));
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SynthOptions}. */
  public static final class Builder {
    private Path manifest;
    private Path jar;
    private Path outDir;
    private String stackName;
    private final Map<String, String> environment = new TreeMap<>();

    private Builder() {}

    /** The manifest file. */
    public Builder manifest(Path manifest) {
      this.manifest = manifest;
      return this;
    }

    /** The deployable jar. */
    public Builder jar(Path jar) {
      this.jar = jar;
      return this;
    }

    /** The cloud assembly folder; {@code null} for {@link SynthOptions#DEFAULT_OUT_DIR}. */
    public Builder outDir(Path outDir) {
      this.outDir = outDir;
      return this;
    }

    /** The stack's name; {@code null} for {@code statecraft-<first workflow>}. */
    public Builder stackName(String stackName) {
      this.stackName = stackName;
      return this;
    }

    /** Overrides {@code @Env} variable {@code name}; a later value for the same name wins. */
    public Builder environment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /** The options. */
    public SynthOptions build() {
      return new SynthOptions(manifest, jar, outDir, stackName, environment);
    }
  }
}
