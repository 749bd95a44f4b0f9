package dev.statecraft.compiler.ir;

import dev.statecraft.compiler.diagnostic.SourcePosition;
import dev.statecraft.compiler.ir.ActivityMethod.Parameter;
import java.util.List;
import java.util.Optional;

/**
 * One compiled workflow: its identity, its input and output, the activities it calls, and its body.
 *
 * @param name the cloud name, kebab-case ({@code support-triage})
 * @param className the workflow class's qualified name
 * @param methodName the workflow method's name
 * @param input the workflow method's parameter, if any
 * @param output the workflow method's return type
 * @param activities every activity method the body calls, in first-call order
 * @param implementations the class implementing each activities interface used, by interface name
 * @param body the workflow method's body
 * @param webhooks the {@code @Webhook}s that start it, in source order
 * @param position where the workflow class is declared
 */
public record WorkflowIr(
    String name,
    String className,
    String methodName,
    Optional<Parameter> input,
    IrType output,
    List<ActivityMethod> activities,
    java.util.Map<String, String> implementations,
    Block body,
    List<WebhookRoute> webhooks,
    dev.statecraft.api.WorkflowType type,
    SourcePosition position) {

  public WorkflowIr {
    activities = List.copyOf(activities);
    webhooks = List.copyOf(webhooks);
    implementations =
        java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(implementations));
  }

  /** The workflow class's simple name. */
  public String simpleClassName() {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** The workflow class's package, empty for the default package. */
  public String packageName() {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }

  /** A copy with another body, for passes. */
  public WorkflowIr withBody(Block newBody) {
    return new WorkflowIr(
        name,
        className,
        methodName,
        input,
        output,
        activities,
        implementations,
        newBody,
        webhooks,
        type,
        position);
  }
}
