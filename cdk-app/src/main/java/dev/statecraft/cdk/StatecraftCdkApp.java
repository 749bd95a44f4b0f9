package dev.statecraft.cdk;

import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.FunctionSpec;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.jsii.JsiiException;

/**
 * The CDK app of a Statecraft project: one {@link StatecraftStack} synthesized as a cloud assembly,
 * ready for {@code cdk deploy --app <out>} (the stack uses the default synthesizer, so the account
 * needs the usual {@code cdk bootstrap}).
 *
 * <pre>{@code
 * java -cp statecraft-cdk-app.jar:... dev.statecraft.cdk.StatecraftCdkApp \
 *     --manifest statecraft-out/statecraft-manifest.json --jar target/app-aws.jar \
 *     --out cdk.out --env STATECRAFT_LARGE_MODEL=gpt-4.1
 * cdk deploy --app cdk.out
 * }</pre>
 *
 * <p>Run by the CDK CLI ({@code cdk synth --app "java ... StatecraftCdkApp --manifest ... --jar
 * ..." -c env.STATECRAFT_LARGE_MODEL=gpt-4.1}), it writes where the CLI asks ({@code CDK_OUTDIR})
 * and reads CDK context {@code env.NAME} as {@code @Env} overrides; {@code --env} wins over
 * context. The same inputs give the same template, byte for byte: nothing in it depends on the
 * time, the machine, or where the jar is, only on the jar's bytes.
 *
 * <p>Exit codes: 0 when the assembly was written, 1 when the inputs are wrong (no manifest or jar,
 * an invalid manifest, an override of an undeclared variable), 2 for a command line it does not
 * read.
 */
public final class StatecraftCdkApp {
  private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");

  private StatecraftCdkApp() {}

  /** Synthesizes as {@link #run} does, then exits with its code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /**
   * Parses {@code args}, synthesizes, prints the written templates' paths to {@code out} and
   * problems to {@code err}.
   *
   * @return 0, 1 or 2 as {@link StatecraftCdkApp} says
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CdkAppCommandLine.Parsed parsed;
    try {
      parsed = CdkAppCommandLine.parse(List.of(args), System.getenv());
    } catch (CdkAppCommandLine.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(CdkAppCommandLine.USAGE);
      err.flush();
      return 2;
    }
    if (parsed.help()) {
      out.println(CdkAppCommandLine.USAGE);
      out.flush();
      return 0;
    }
    try {
      Synthesis s = synth(parsed.options());
      s.templates().forEach(t -> out.println("wrote " + t));
      out.flush();
      return 0;
    } catch (IllegalArgumentException | UncheckedIOException | JsiiException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  /**
   * Synthesizes the project's stack into {@code options.outDir()}; for callers in the same JVM,
   * such as {@code statecraft synth}.
   *
   * @throws IllegalArgumentException when the manifest or the jar is missing or the inputs are
   *     inconsistent, with a message for the user
   */
  public static Synthesis synth(SynthOptions options) {
    Path manifestFile = options.manifest().toAbsolutePath().normalize();
    if (!Files.isRegularFile(manifestFile)) {
      throw new IllegalArgumentException(
          "no manifest at " + manifestFile + ": compile the project first (statecraft compile)");
    }
    Path jar = options.jar().toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no deployable jar at " + jar + ": build it first");
    }
    DeploymentManifest manifest = DeploymentManifest.read(manifestFile);
    String stackName = options.stackName() != null ? options.stackName() : stackName(manifest);
    if (!STACK_NAME.matcher(stackName).matches()) {
      throw new IllegalArgumentException(
          "stack name '"
              + stackName
              + "' must start with a letter and hold only letters, digits and '-' (at most 128)");
    }
    App app =
        new App(
            AppProps.builder()
                .outdir(options.outDir().toAbsolutePath().toString())
                .analyticsReporting(false)
                .stackTraces(false)
                .build());
    Map<String, String> overrides =
        overrides(app.getNode()::tryGetContext, manifest, options.environment());
    stack(app, stackName, manifest, manifestFile.getParent(), jar, overrides);
    CloudAssembly assembly = app.synth();
    return new Synthesis(
        stackName,
        Path.of(assembly.getDirectory()),
        assembly.getStacks().stream().map(a -> Path.of(a.getTemplateFullPath())).toList());
  }

  /** {@code statecraft-<first workflow>}, or {@code statecraft} for a project with none. */
  static String stackName(DeploymentManifest manifest) {
    return manifest.workflows().isEmpty()
        ? "statecraft"
        : "statecraft-" + manifest.workflows().get(0).name();
  }

  private static String workflowNames(DeploymentManifest manifest) {
    return String.join(", ", manifest.workflows().stream().map(w -> w.name()).toList());
  }

  /** The stack that {@link #synth} synthesizes, in {@code app}. */
  static StatecraftStack stack(
      App app,
      String stackName,
      DeploymentManifest manifest,
      Path manifestDirectory,
      Path jar,
      Map<String, String> overrides) {
    return new StatecraftStack(
        app,
        stackName,
        StackProps.builder()
            .stackName(stackName)
            .description("Statecraft backend of workflows " + workflowNames(manifest))
            .synthesizer(new DefaultStackSynthesizer())
            .build(),
        StatecraftBackendProps.builder()
            .manifest(manifest)
            .manifestDirectory(manifestDirectory)
            .jar(jar)
            .environmentOverrides(overrides)
            .build());
  }

  /**
   * Context {@code env.NAME} for each variable some function declares, then {@code explicit} over
   * them.
   */
  static Map<String, String> overrides(
      Function<String, Object> context, DeploymentManifest manifest, Map<String, String> explicit) {
    Map<String, String> overrides = new TreeMap<>();
    for (FunctionSpec f : manifest.functions()) {
      for (String name : f.environment().keySet()) {
        Object value = context.apply("env." + name);
        if (value != null) {
          overrides.put(name, value.toString());
        }
      }
    }
    overrides.putAll(explicit);
    return overrides;
  }
}
