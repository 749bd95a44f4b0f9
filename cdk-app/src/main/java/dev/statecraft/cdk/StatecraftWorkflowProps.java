package dev.statecraft.cdk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;

/**
 * What one {@link StatecraftWorkflow} deploys.
 *
 * @param workflow the workflow's name in the manifest
 * @param stateMachineName the state machine's physical name
 * @param logGroupName its execution log group's name
 * @param type STANDARD or EXPRESS
 * @param definition the ASL, with its {@code ${KEY}} placeholders
 * @param substitutions the value of each placeholder
 * @param functions the functions it invokes, through their aliases
 * @param children the workflows it starts with {@code startExecution.sync:2}
 * @param logRetention how long its log group keeps logs
 */
record StatecraftWorkflowProps(
    String workflow,
    String stateMachineName,
    String logGroupName,
    StateMachineType type,
    String definition,
    Map<String, String> substitutions,
    List<StatecraftFunction> functions,
    List<StatecraftWorkflow> children,
    RetentionDays logRetention) {
  StatecraftWorkflowProps {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(stateMachineName, "stateMachineName");
    Objects.requireNonNull(definition, "definition");
    substitutions = java.util.Collections.unmodifiableMap(new TreeMap<>(substitutions));
    functions = List.copyOf(functions);
    children = List.copyOf(children);
  }
}
