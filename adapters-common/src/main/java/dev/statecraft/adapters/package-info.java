/**
 * The JSON contract between a compiled workflow and the function that runs one activity, shared by
 * the AWS, GCP and Azure adapters: an activity's arguments arrive as one JSON object keyed by
 * parameter name ({@link dev.statecraft.adapters.ActivityInput}), its result leaves as JSON, and
 * its exception leaves as an {@link dev.statecraft.adapters.ActivityError} named by the exception's
 * class.
 */
package dev.statecraft.adapters;
