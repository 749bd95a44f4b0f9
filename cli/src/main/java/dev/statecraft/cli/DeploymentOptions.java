package dev.statecraft.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code synth} and {@code deploy} share. */
final class DeploymentOptions {
  @Option(
      names = "--source",
      required = true,
      paramLabel = "DIR",
      description = "Folder of the project's Java sources.")
  Path source;

  @Option(
      names = "--out",
      defaultValue = "cdk.out",
      paramLabel = "DIR",
      description =
          "Where the CloudFormation template(s), assets and the Lambda package go (default:"
              + " ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--stack-name",
      paramLabel = "NAME",
      description = "The CloudFormation stack's name (default: from the project's workflows).")
  String stackName;

  @Option(
      names = "--env",
      paramLabel = "NAME=VALUE",
      description = "Set an @Env variable of every function that declares it. Repeatable.")
  Map<String, String> env = new LinkedHashMap<>();
}
