package dev.statecraft.cdk;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The options of {@link StatecraftCdkApp#main}, parsed. */
final class CdkAppCommandLine {
  static final String USAGE =
      String.join(
          "\n",
          "usage: statecraft-cdk-app --manifest FILE --jar FILE [--out DIR] [--stack-name NAME]"
              + " [--env NAME=VALUE]...",
          "",
          "Synthesizes a Statecraft project's AWS backend as a CDK cloud assembly.",
          "",
          "  --manifest FILE     the statecraft-manifest.json the compiler wrote",
          "  --jar FILE          the deployable jar every function runs",
          "  --out DIR           the cloud assembly folder (default: $CDK_OUTDIR, else cdk.out)",
          "  --stack-name NAME   the stack's name (default: statecraft-<first workflow>)",
          "  --env NAME=VALUE    overrides an @Env value in every function declaring NAME;",
          "                      repeatable; wins over CDK context env.NAME",
          "  --help              prints this",
          "",
          "Deploy with: cdk deploy --app DIR");

  /** A command line that is not one this app reads. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  /** The parsed command line: {@code help}, or the options to synthesize. */
  record Parsed(boolean help, SynthOptions options) {}

  private CdkAppCommandLine() {}

  /**
   * @param environment the process environment, for {@code CDK_OUTDIR}: the CDK CLI sets it and
   *     reads the assembly from there
   */
  static Parsed parse(List<String> args, Map<String, String> environment) throws UsageException {
    SynthOptions.Builder b = SynthOptions.builder();
    Path manifest = null;
    Path jar = null;
    Path out = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--help", "-h" -> {
          return new Parsed(true, null);
        }
        case "--manifest" -> manifest = Path.of(value(args, ++i, arg));
        case "--jar" -> jar = Path.of(value(args, ++i, arg));
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--stack-name" -> b.stackName(value(args, ++i, arg));
        case "--env" -> {
          String pair = value(args, ++i, arg);
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw new UsageException("--env wants NAME=VALUE, not '" + pair + "'");
          }
          b.environment(pair.substring(0, eq), pair.substring(eq + 1));
        }
        default -> throw new UsageException("unknown option '" + arg + "'");
      }
    }
    if (manifest == null) {
      throw new UsageException("--manifest FILE is required");
    }
    if (jar == null) {
      throw new UsageException("--jar FILE is required");
    }
    if (out == null && environment.get("CDK_OUTDIR") != null) {
      out = Path.of(environment.get("CDK_OUTDIR"));
    }
    return new Parsed(false, b.manifest(manifest).jar(jar).outDir(out).build());
  }

  private static String value(List<String> args, int i, String option) throws UsageException {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new UsageException(option + " wants a value");
    }
    return args.get(i);
  }
}
