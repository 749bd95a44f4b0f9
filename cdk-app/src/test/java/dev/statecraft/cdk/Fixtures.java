package dev.statecraft.cdk;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.statecraft.manifest.DeploymentManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * The fixture folders under {@code src/test/resources/fixtures}, each with its {@code
 * expected/template.json}: a compiled project written for these tests (its {@code
 * statecraft-manifest.json} and the ASL files it names), or, for a fixture named after an example,
 * that example as the compiler emits it ({@code examples/NAME/expected}, which the compiler's
 * golden test keeps current). Each is synthesized once per test run: jsii starts slowly, so tests
 * share the stacks.
 */
final class Fixtures {
  static final Path ROOT = Path.of("src/test/resources/fixtures");
  private static final Path EXAMPLES = Path.of("..", "examples");

  /** An empty zip archive: 22 fixed bytes, so the asset hash is the same on every machine. */
  private static final byte[] EMPTY_ZIP = {
    'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private static final Map<String, Synthesized> CACHE = new ConcurrentHashMap<>();

  /** A synthesized fixture. */
  record Synthesized(
      String name, DeploymentManifest manifest, StatecraftStack stack, Template template) {
    StatecraftBackend backend() {
      return stack.getBackend();
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources() {
      return (Map<String, Map<String, Object>>) template.toJSON().get("Resources");
    }

    String json() {
      return Fixtures.json(template.toJSON());
    }

    /** The logical id of the resource behind {@code construct}'s default child. */
    String logicalId(software.constructs.IConstruct construct) {
      return stack.getLogicalId(
          (software.amazon.awscdk.CfnElement) construct.getNode().getDefaultChild());
    }
  }

  private Fixtures() {}

  /** The fixture names, sorted. */
  static Stream<String> names() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture {@code name}, synthesized once for the whole run. */
  static Synthesized synth(String name) {
    return CACHE.computeIfAbsent(name, n -> synthesize(n, Map.of()));
  }

  /** The fixture {@code name} with {@code overrides}, synthesized anew. */
  static Synthesized synthesize(String name, Map<String, String> overrides) {
    Path manifestFile = manifest(name);
    DeploymentManifest manifest = DeploymentManifest.read(manifestFile);
    App app =
        new App(
            AppProps.builder()
                .outdir(outDir().toString())
                .analyticsReporting(false)
                .stackTraces(false)
                .build());
    StatecraftStack stack =
        StatecraftCdkApp.stack(
            app,
            StatecraftCdkApp.stackName(manifest),
            manifest,
            manifestFile.getParent(),
            jar(),
            overrides);
    return new Synthesized(name, manifest, stack, Template.fromStack(stack));
  }

  /** A new folder under {@code target/} for a cloud assembly the test does not look at. */
  private static Path outDir() {
    try {
      Path target = Files.createDirectories(Path.of("target", "cdk-test"));
      return Files.createTempDirectory(target.toAbsolutePath(), "cdk.out-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path manifest(String name) {
    return folder(name).resolve(DeploymentManifest.FILE_NAME);
  }

  /** Where the fixture's compiled project is: its own folder, or the example's expected files. */
  static Path folder(String name) {
    Path own = ROOT.resolve(name);
    return Files.exists(own.resolve(DeploymentManifest.FILE_NAME))
        ? own
        : EXAMPLES.resolve(name).resolve("expected");
  }

  /** The {@code ${KEY}} placeholders of every AWS definition of workflow {@code workflow}. */
  static List<String> placeholders(String fixture, String workflow) {
    DeploymentManifest manifest = DeploymentManifest.read(manifest(fixture));
    String relative = manifest.workflow(workflow).orElseThrow().definitions().get("aws");
    assertNotNull(relative, workflow + " has an AWS definition");
    try {
      Matcher m = PLACEHOLDER.matcher(Files.readString(folder(fixture).resolve(relative)));
      return m.results().map(r -> r.group(1)).distinct().sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stand-in for the deployable jar, the same bytes on every run. */
  static synchronized Path jar() {
    Path jar = Path.of("target", "test-jar", "statecraft-test.jar").toAbsolutePath();
    try {
      if (!Files.exists(jar)) {
        Files.createDirectories(jar.getParent());
        Files.write(jar, EMPTY_ZIP);
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code value} as golden files hold JSON: keys sorted, two-space indent, final newline. */
  static String json(Object value) {
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    try {
      return JSON.writer(pretty).writeValueAsString(value) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
