/**
 * Deploys a compiled Statecraft project to AWS with the CDK: {@link
 * dev.statecraft.cdk.StatecraftBackend} turns the deployment manifest into one Lambda function per
 * activity, one Step Functions state machine per workflow, one empty Secrets Manager secret per
 * declared secret and, when a workflow has webhooks or callbacks, a REST API that receives them.
 * {@link dev.statecraft.cdk.StatecraftCdkApp} synthesizes it as a cloud assembly that {@code cdk
 * deploy --app DIR} deploys.
 *
 * <p>The package owns the mapping from manifest to resources and the cdk-nag acknowledgments that
 * go with it; what the functions do at run time belongs to {@code statecraft-adapters-aws}.
 */
package dev.statecraft.cdk;
