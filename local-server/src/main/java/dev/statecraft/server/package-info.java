/**
 * The embedded engine behind the AWS Step Functions JSON API, so that the AWS SDKs and the AWS CLI
 * work against a local endpoint: {@link dev.statecraft.server.StepFunctionsServer} is the front
 * door; everything else in the package is how it speaks the protocol.
 */
package dev.statecraft.server;
