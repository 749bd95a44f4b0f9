package dev.statecraft.cdk;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * One workflow's state machine, its execution log group, and a role that may invoke exactly the
 * aliases of the functions it calls and run exactly the child workflows it starts.
 *
 * <p>Executions are logged at level {@code ALL} but <em>without execution data</em>: a callback
 * wait's task parameters carry the task token (and the callback URL with it), and whoever holds a
 * token can complete the wait, so tokens must not be written to CloudWatch. State names, timings
 * and errors are still logged, and the data of any execution is in its history in the console.
 *
 * <p>The state machine has a fixed physical name ({@code <prefix>-<workflow>}): the webhook and
 * callback receivers find it by that name, which keeps the API (whose URL the definition contains)
 * from depending on the state machine.
 */
public final class StatecraftWorkflow extends Construct {
  /** The rule Step Functions manages to learn when a {@code .sync} child execution ends. */
  static final String SYNC_EVENTS_RULE = "StepFunctionsGetEventsForStepFunctionsExecutionRule";

  private final String name;
  private final String stateMachineName;
  private final LogGroup logGroup;
  private final StateMachine stateMachine;

  StatecraftWorkflow(Construct scope, String id, StatecraftWorkflowProps props) {
    super(scope, id);
    this.name = props.workflow();
    this.stateMachineName = props.stateMachineName();
    this.logGroup =
        LogGroup.Builder.create(this, "Logs")
            .logGroupName(props.logGroupName())
            .retention(props.logRetention())
            // Its name is fixed: a retained group would make the next deployment of the same
            // stack fail with "already exists".
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    this.stateMachine =
        StateMachine.Builder.create(this, "StateMachine")
            .stateMachineName(stateMachineName)
            .stateMachineType(props.type())
            .definitionBody(DefinitionBody.fromString(props.definition()))
            .definitionSubstitutions(props.substitutions())
            .logs(
                LogOptions.builder()
                    .destination(logGroup)
                    .level(LogLevel.ALL)
                    .includeExecutionData(false)
                    .build())
            .tracingEnabled(true)
            .build();
    allowInvoking(props.functions());
    props.children().forEach(this::allowStarting);
    NagWaiver.STATE_MACHINE_SERVICES.on(stateMachine.getRole());
  }

  private void allowInvoking(List<StatecraftFunction> functions) {
    if (functions.isEmpty()) {
      return;
    }
    stateMachine.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("lambda:InvokeFunction"))
            .resources(functions.stream().map(StatecraftFunction::getInvokeArn).toList())
            .build());
  }

  /** What {@code arn:aws:states:::states:startExecution.sync:2} needs to run {@code child}. */
  private void allowStarting(StatecraftWorkflow child) {
    Stack stack = Stack.of(this);
    stateMachine.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("states:StartExecution"))
            .resources(List.of(child.getStateMachine().getStateMachineArn()))
            .build());
    stateMachine.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("states:DescribeExecution", "states:StopExecution"))
            .resources(List.of(executionsArn(stack, child.getStateMachineName())))
            .build());
    stateMachine.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"))
            .resources(
                List.of(
                    stack.formatArn(
                        ArnComponents.builder()
                            .service("events")
                            .resource("rule")
                            .resourceName(SYNC_EVENTS_RULE)
                            .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                            .build())))
            .build());
    NagWaiver.wildcardResource(
            nagExecutionsArn(child.getStateMachineName()),
            "A child execution's name is chosen when it starts, so its ARN is known only as"
                + " 'execution:"
                + child.getStateMachineName()
                + ":*'. The wildcard covers only executions of this child's state machine.")
        .on(stateMachine.getRole());
  }

  /** The ARN of every execution of the state machine {@code stateMachineName}. */
  static String executionsArn(Stack stack, String stateMachineName) {
    return stack.formatArn(
        ArnComponents.builder()
            .service("states")
            .resource("execution")
            .resourceName(stateMachineName + ":*")
            .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
            .build());
  }

  /** {@link #executionsArn} as cdk-nag spells it in a finding. */
  static String nagExecutionsArn(String stateMachineName) {
    return "arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:"
        + stateMachineName
        + ":*";
  }

  /** The ARN of the state machine {@code stateMachineName}, built from its name. */
  static String stateMachineArn(Stack stack, String stateMachineName) {
    return stack.formatArn(
        ArnComponents.builder()
            .service("states")
            .resource("stateMachine")
            .resourceName(stateMachineName)
            .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
            .build());
  }

  /** The workflow's name in the manifest. */
  public String getName() {
    return name;
  }

  /** The state machine's physical name, {@code <prefix>-<workflow>}. */
  public String getStateMachineName() {
    return stateMachineName;
  }

  /** The state machine. */
  public StateMachine getStateMachine() {
    return stateMachine;
  }

  /** The log group of its executions. */
  public LogGroup getLogGroup() {
    return logGroup;
  }
}
