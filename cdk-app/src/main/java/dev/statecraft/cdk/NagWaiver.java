package dev.statecraft.cdk;

import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * A cdk-nag finding that the backend accepts on purpose, with the reason. Written as the CDK's own
 * acknowledgment ({@link Validations#acknowledge}), which cdk-nag 3 reads, so this module needs no
 * cdk-nag classes at run time. A waiver covers the construct it is put on and everything under it,
 * so each goes on the smallest construct that needs it.
 *
 * @param ruleId the rule, narrowed to one finding where the rule reports findings ({@code
 *     AwsSolutions-IAM5[Resource::*]})
 * @param reason why the finding is right for this backend
 */
record NagWaiver(String ruleId, String reason) {
  static final NagWaiver JAVA_RUNTIME =
      new NagWaiver(
          "AwsSolutions-L1",
          "The functions run on java21, the runtime that the Statecraft adapters and generated"
              + " handlers are built and tested for, with SnapStart. Moving to a newer Java runtime"
              + " is an upgrade of the whole toolchain, not a per-stack setting.");

  static final NagWaiver XRAY_WRITE =
      new NagWaiver(
          "AwsSolutions-IAM5[Resource::*]",
          "X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level permissions:"
              + " '*' is the only resource they accept. Every other statement of this role names"
              + " its resources.");

  static final NagWaiver STATE_MACHINE_SERVICES =
      new NagWaiver(
          "AwsSolutions-IAM5[Resource::*]",
          "The X-Ray trace actions and the CloudWatch Logs log-delivery actions"
              + " (CreateLogDelivery, DescribeResourcePolicies, ...) that Step Functions tracing and"
              + " logging need have no resource-level permissions, so AWS documents them on '*'."
              + " Lambda invocations and child executions are granted on named ARNs.");

  static final NagWaiver SECRET_ROTATION =
      new NagWaiver(
          "AwsSolutions-SMG4",
          "The secret holds a third-party credential (an API key or a webhook signing secret) that"
              + " is issued and rotated by the third party and set here with put-secret-value; no"
              + " rotation Lambda can create a new one.");

  static final NagWaiver API_AUTHORIZATION =
      new NagWaiver(
          "AwsSolutions-APIG4",
          "Webhook senders cannot sign with IAM or log in to Cognito. The receiver checks each"
              + " request's HMAC signature with the webhook's secret before it starts anything, and a"
              + " callback is authorized by the unguessable Step Functions task token it carries.");

  static final NagWaiver API_COGNITO =
      new NagWaiver(
          "AwsSolutions-COG4",
          "No Cognito user pool authorizer: the callers are third-party webhook senders and"
              + " holders of task tokens, authenticated inside the Lambda by HMAC signature or"
              + " token.");

  static final NagWaiver API_WAF =
      new NagWaiver(
          "AwsSolutions-APIG3",
          "Requests are authenticated inside the Lambda (HMAC signatures, task tokens) and the"
              + " stage is throttled. A WAF web ACL is an account-wide choice with its own cost;"
              + " associate one with the stage from StatecraftBackend.getApi() where it is wanted.");

  static final NagWaiver API_EXECUTION_LOGS =
      new NagWaiver(
          "AwsSolutions-APIG6",
          "Execution logging writes request details, including the query string that carries"
              + " Step Functions task tokens, to CloudWatch. The stage writes access logs instead,"
              + " in a fixed format that leaves the query string out.");

  /**
   * The finding of a wildcard in one resource ARN, as cdk-nag spells it after resolving tokens
   * ({@code arn:<AWS::Partition>:states:...:*}).
   */
  static NagWaiver wildcardResource(String resource, String reason) {
    return new NagWaiver("AwsSolutions-IAM5[Resource::" + resource + "]", reason);
  }

  /** Waives this finding for {@code scope} and everything under it. */
  void on(IConstruct scope) {
    if (ruleId.split("::", -1).length > 2) {
      // Validations.acknowledge takes "::" for a rule's prefix and refuses a second one, but a
      // finding's resource holds tokens such as <AWS::Region>. This is the metadata that
      // acknowledge records, and what cdk-nag reads.
      scope
          .getNode()
          .addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, Map.of(ruleId, reason));
    } else {
      Validations.of(scope).acknowledge(Acknowledgment.builder().id(ruleId).reason(reason).build());
    }
  }
}
