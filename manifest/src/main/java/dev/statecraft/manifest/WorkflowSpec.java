package dev.statecraft.manifest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One workflow as it is deployed.
 *
 * @param name the workflow's cloud name, {@code support-triage}
 * @param className the {@code @Workflow} class's qualified name
 * @param type the Step Functions workflow type, {@code STANDARD}
 * @param inputType the workflow method's parameter type ({@link DeploymentManifest} says how types
 *     are spelled), or {@code null} when it takes none
 * @param outputType its return type, {@code void} for none
 * @param definitions the emitted definition of each target, by target ({@code aws}, {@code gcp}),
 *     as a path relative to the manifest
 * @param functions the keys of the functions its definition calls, in first-call order
 * @param children the names of the workflows it starts as child executions
 * @param callbacks its {@code Durable.awaitCallback} waits
 * @param webhooks the {@code @Webhook}s that start it
 * @param substitutions the placeholders of its AWS definition
 */
public record WorkflowSpec(
    String name,
    String className,
    String type,
    String inputType,
    String outputType,
    Map<String, String> definitions,
    List<String> functions,
    List<String> children,
    List<CallbackSpec> callbacks,
    List<WebhookSpec> webhooks,
    List<Substitution> substitutions) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  public WorkflowSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(className, "className");
    type = type == null ? "STANDARD" : type;
    definitions =
        java.util.Collections.unmodifiableMap(
            new TreeMap<>(definitions == null ? Map.of() : definitions));
    functions = List.copyOf(functions == null ? List.of() : functions);
    children = List.copyOf(children == null ? List.of() : children);
    callbacks = List.copyOf(callbacks == null ? List.of() : callbacks);
    webhooks = List.copyOf(webhooks == null ? List.of() : webhooks);
    substitutions = List.copyOf(substitutions == null ? List.of() : substitutions);
  }

  /** The parameter type, when the workflow method takes one. */
  public Optional<String> input() {
    return Optional.ofNullable(inputType);
  }

  /** The wait whose callback id is {@code id}. */
  public Optional<CallbackSpec> callback(String id) {
    return callbacks.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** Whether the definition hands out callback URLs. */
  @JsonIgnore
  public boolean awaitsCallbacks() {
    return substitutions.stream().anyMatch(s -> s.kind() == Substitution.Kind.CALLBACK_URL);
  }

  /**
   * {@code definition} with every placeholder replaced by {@code values}' answer for it, as CDK's
   * definition substitutions do in the cloud.
   *
   * @throws IllegalArgumentException when the definition has a placeholder this workflow does not
   *     declare, or {@code values} answers {@code null}: a compiler or deployment bug, never
   *     silently left in
   */
  public String substitute(String definition, Function<Substitution, String> values) {
    Map<String, Substitution> byKey = new TreeMap<>();
    substitutions.forEach(s -> byKey.put(s.key(), s));
    Matcher m = PLACEHOLDER.matcher(definition);
    StringBuilder out = new StringBuilder();
    List<String> unknown = new ArrayList<>();
    while (m.find()) {
      Substitution s = byKey.get(m.group(1));
      String value = s == null ? null : values.apply(s);
      if (value == null) {
        unknown.add(m.group(1));
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
      } else {
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
    }
    m.appendTail(out);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "workflow '" + name + "' has placeholders with no value: " + unknown);
    }
    return out.toString();
  }
}
