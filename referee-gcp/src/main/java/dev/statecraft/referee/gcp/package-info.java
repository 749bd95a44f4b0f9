/**
 * The Cloud Workflows referee: {@link dev.statecraft.referee.gcp.GcpReferee} runs compiled Cloud
 * Workflows definitions on the Cloud Workflows emulator with their Cloud Run functions served
 * in-process, and reports output, failure, activity calls and billed steps ({@link
 * dev.statecraft.referee.gcp.GcpRun}).
 */
package dev.statecraft.referee.gcp;
