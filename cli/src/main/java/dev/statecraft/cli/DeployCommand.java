package dev.statecraft.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code statecraft deploy}: {@code synth}, then the AWS CDK's own {@code cdk deploy} of the cloud
 * assembly, with the user's AWS credentials. Checks first what deploying needs (Node.js for the CDK
 * CLI, AWS credentials, a region) and says what is missing instead of failing halfway.
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = "Synthesize the workflows in --source and deploy them with the AWS CDK CLI.")
final class DeployCommand implements Callable<Integer> {
  /** The CDK CLI used when none is installed: the version the tests check the assembly with. */
  static final String CDK_CLI = "aws-cdk@2.1148.1";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DeploymentOptions options;

  @Option(
      names = "--yes",
      description = "Approve security-related changes (IAM, policies) without asking.")
  boolean yes;

  /** The environment deploying sees; tests replace it. */
  Map<String, String> environment = System.getenv();

  /** The user's home, where ~/.aws is; tests replace it. */
  Path userHome = Path.of(System.getProperty("user.home"));

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> missing = missing();
    if (!missing.isEmpty()) {
      throw new Main.UsageException(
          "deploy needs "
              + String.join("; and ", missing)
              + ". (statecraft synth --source "
              + options.source
              + " writes the template without any of these.)");
    }
    SynthCommand.Synthesis s = SynthCommand.synthesize(options, out, err);
    if (s == null) {
      return Main.USAGE;
    }
    List<String> command = new ArrayList<>(cdk());
    command.addAll(List.of("deploy", "--app", options.out.toString(), "--all"));
    if (yes) {
      command.addAll(List.of("--require-approval", "never"));
    }
    out.printf("statecraft: %s%n", String.join(" ", command));
    out.flush();
    int code = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (code != 0) {
      err.printf(
          "statecraft: cdk deploy failed (exit %d). A first deployment to an account and region"
              + " needs  npx %s bootstrap  once.%n",
          code, CDK_CLI);
      return Main.FAILED;
    }
    out.printf(
        "statecraft: deployed. Set each secret's value (the stack's outputs name them):%n"
            + "  aws secretsmanager put-secret-value --secret-id ARN --secret-string VALUE%n");
    return Main.OK;
  }

  /** What deploying needs and this machine lacks, in words. */
  List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (!onPath("node") && !onPath("cdk")) {
      missing.add("Node.js, to run the AWS CDK CLI (install Node.js 20 or newer)");
    }
    boolean config =
        Files.exists(file("AWS_CONFIG_FILE", ".aws/config"))
            || Files.exists(file("AWS_SHARED_CREDENTIALS_FILE", ".aws/credentials"));
    boolean credentials =
        config
            || set("AWS_ACCESS_KEY_ID")
            || set("AWS_PROFILE")
            || set("AWS_WEB_IDENTITY_TOKEN_FILE")
            || set("AWS_CONTAINER_CREDENTIALS_FULL_URI")
            || set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    if (!credentials) {
      missing.add(
          "AWS credentials (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or"
              + " run aws configure)");
    }
    if (!config && !set("AWS_REGION") && !set("AWS_DEFAULT_REGION")) {
      missing.add("a region (set AWS_REGION, e.g. AWS_REGION=eu-west-1)");
    }
    return missing;
  }

  private List<String> cdk() {
    Path local = StatecraftHome.locate().root().resolve("tools/node_modules/.bin/cdk");
    if (Files.isExecutable(local)) {
      return List.of(local.toString());
    }
    if (onPath("cdk")) {
      return List.of("cdk");
    }
    return List.of("npx", "--yes", CDK_CLI);
  }

  private boolean set(String name) {
    String v = environment.get(name);
    return v != null && !v.isBlank();
  }

  private Path file(String variable, String underHome) {
    return set(variable) ? Path.of(environment.get(variable)) : userHome.resolve(underHome);
  }

  private boolean onPath(String program) {
    String path = environment.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
