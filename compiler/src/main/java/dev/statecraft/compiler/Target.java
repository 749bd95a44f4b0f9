package dev.statecraft.compiler;

import java.util.Locale;

/** A cloud the compiler emits for. */
public enum Target {
  /** AWS Step Functions and Lambda. */
  AWS,
  /** Google Cloud Workflows and Cloud Run functions. */
  GCP,
  /** Azure Durable Functions. */
  AZURE;

  /** The lower-case name used on the command line and as the output folder. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
