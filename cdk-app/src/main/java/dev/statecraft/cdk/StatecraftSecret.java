package dev.statecraft.cdk;

import java.util.List;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.secretsmanager.CfnSecret;
import software.constructs.Construct;

/**
 * One Secrets Manager secret of the project, created <em>empty</em>: the template has neither a
 * {@code SecretString} nor a {@code GenerateSecretString}, so no value is ever synthesized, and
 * CloudFormation creates the secret with no value. Set it once deployed:
 *
 * <pre>{@code
 * aws secretsmanager put-secret-value --secret-id my-stack/OPENAI_API_KEY --secret-string "$KEY"
 * }</pre>
 *
 * <p>Until it has a value, a function that asks for it gets none (the adapters ask again on each
 * read, so setting it takes effect without a deployment). The CDK's {@code Secret} would generate a
 * random value instead, which is why this is the L1 {@link CfnSecret}.
 */
public final class StatecraftSecret extends Construct {
  static final List<String> READ_ACTIONS =
      List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");

  private final String name;
  private final String secretName;
  private final CfnSecret resource;

  StatecraftSecret(Construct scope, String name, String prefix) {
    super(scope, name);
    this.name = name;
    this.secretName = DeployedNames.secret(prefix, name);
    this.resource =
        CfnSecret.Builder.create(this, "Resource")
            .name(secretName)
            .description(
                "Statecraft secret "
                    + name
                    + ", created empty. Set it with: aws secretsmanager put-secret-value"
                    + " --secret-id "
                    + secretName
                    + " --secret-string VALUE")
            .build();
    NagWaiver.SECRET_ROTATION.on(this);
  }

  /** The name the project's code asks for, {@code OPENAI_API_KEY}. */
  public String getName() {
    return name;
  }

  /** The secret's name in Secrets Manager, {@code <prefix>/<name>}. */
  public String getSecretName() {
    return secretName;
  }

  /** The secret's ARN (a token until deployment). */
  public String getSecretArn() {
    return resource.getRef();
  }

  /** The CloudFormation resource, for escape hatches such as a customer-managed KMS key. */
  public CfnSecret getResource() {
    return resource;
  }

  /** Lets {@code grantee} read the value: {@code GetSecretValue} and {@code DescribeSecret}. */
  public Grant grantRead(IGrantable grantee) {
    return Grant.addToPrincipal(
        GrantOnPrincipalOptions.builder()
            .grantee(grantee)
            .actions(READ_ACTIONS)
            .resourceArns(List.of(getSecretArn()))
            .build());
  }
}
