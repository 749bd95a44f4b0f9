/**
 * The Google Cloud back end: a Cloud Workflows definition ({@link
 * dev.statecraft.compiler.gcp.CloudWorkflowsEmitter}) and one Cloud Run function per activity
 * method ({@link dev.statecraft.compiler.gcp.CloudRunFunctionEmitter}).
 */
package dev.statecraft.compiler.gcp;
