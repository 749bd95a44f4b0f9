/**
 * Runs activities inside AWS Lambda. The compiler generates one {@link
 * dev.statecraft.aws.LambdaActivityHandler} subclass per activity method; Step Functions invokes it
 * through the {@code lambda:invoke} integration with the arguments as the payload. The embedded
 * engine calls the very same handler classes in-process.
 */
package dev.statecraft.aws;
