package dev.statecraft.compiler.ir;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One method of an {@code @Activities} interface: what the workflow calls and what becomes a
 * function in the cloud.
 *
 * @param owner the interface's qualified name, e.g. {@code com.example.TriageActivities}
 * @param name the method name
 * @param parameters in declaration order
 * @param returnType the result type; {@link IrType#VOID} for none
 * @param timeout per-attempt timeout from {@code @Activity}
 * @param retry the retry policy from {@code @Activity(retry = ...)}
 * @param settings how its function is deployed: memory, secrets and environment
 */
public record ActivityMethod(
    String owner,
    String name,
    List<Parameter> parameters,
    IrType returnType,
    Duration timeout,
    RetryPolicy retry,
    Settings settings) {

  public ActivityMethod {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(returnType, "returnType");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(settings, "settings");
  }

  /**
   * How an activity's function is deployed.
   *
   * @param memoryMb from {@code @Activity(memoryMb)}
   * @param secrets the names its interface declares with {@code @Secret}, in declaration order
   * @param environment the variables its interface declares with {@code @Env}, in declaration order
   */
  public record Settings(int memoryMb, List<String> secrets, Map<String, String> environment) {
    /** The memory of a function whose {@code @Activity} does not set it. */
    public static final int DEFAULT_MEMORY_MB = 512;

    /** No secrets, no environment, the default memory. */
    public static final Settings DEFAULT = new Settings(DEFAULT_MEMORY_MB, List.of(), Map.of());

    public Settings {
      secrets = List.copyOf(secrets);
      environment =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    }
  }

  /** The interface's simple name. */
  public String ownerSimpleName() {
    return owner.substring(owner.lastIndexOf('.') + 1);
  }

  /** The interface's package, empty for the default package. */
  public String ownerPackage() {
    int dot = owner.lastIndexOf('.');
    return dot < 0 ? "" : owner.substring(0, dot);
  }

  /** The cloud-wide function key, {@code TriageActivities_classify}: unique per project. */
  public String functionKey() {
    return ownerSimpleName() + "_" + name;
  }

  /**
   * A parameter of an activity or workflow method.
   *
   * @param name the parameter's name, which is also its key in the activity's JSON payload
   * @param type its IR type; a Java array is a {@link IrType.ListType}
   * @param array whether Java declares it as an array ({@code String[]}), which the generated entry
   *     points decode it as
   */
  public record Parameter(String name, IrType type, boolean array) {
    /** A parameter that is not an array. */
    public Parameter(String name, IrType type) {
      this(name, type, false);
    }
  }
}
