package dev.statecraft.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Everything about a project's compiled workflows that running or deploying them needs: the
 * compiler writes it as {@value #FILE_NAME} beside the artifacts, the deployable jar carries it as
 * the resource {@value #RESOURCE}, and {@code run}, {@code serve}, {@code statecraft-testing}, the
 * webhook and callback handlers and the CDK app read it. Nothing else links them.
 *
 * <p>Types (a workflow's input, an awaited callback's answer) are spelled as Jackson's {@code
 * TypeFactory.constructFromCanonical} reads them: binary class names with type arguments, {@code
 * java.util.List<com.example.Order$Line>}, primitives as {@code int}.
 *
 * <pre>{@code
 * DeploymentManifest manifest = DeploymentManifest.read(Path.of("statecraft-out/statecraft-manifest.json"));
 * WorkflowSpec wf = manifest.workflow("support-triage").orElseThrow();
 * String asl = wf.substitute(definition, s -> switch (s.kind()) {
 *   case FUNCTION -> functionArn(s.target());
 *   case STATE_MACHINE -> stateMachineArn(s.target());
 *   case CALLBACK_URL -> apiUrl + "/callbacks";
 * });
 * }</pre>
 *
 * @param manifestVersion the format's version, {@value #VERSION}
 * @param workflows every workflow, by name
 * @param functions every activity function, by key; shared by the workflows that call it
 */
public record DeploymentManifest(
    int manifestVersion, List<WorkflowSpec> workflows, List<FunctionSpec> functions) {
  /** The manifest's file name beside the artifacts. */
  public static final String FILE_NAME = "statecraft-manifest.json";

  /** Where the deployable jar carries the manifest. */
  public static final String RESOURCE = "statecraft/" + FILE_NAME;

  /** The format version this code reads and writes. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public DeploymentManifest {
    workflows = List.copyOf(workflows == null ? List.of() : workflows);
    functions = List.copyOf(functions == null ? List.of() : functions);
  }

  /** A manifest of the current version. */
  public static DeploymentManifest of(List<WorkflowSpec> workflows, List<FunctionSpec> functions) {
    return new DeploymentManifest(VERSION, workflows, functions);
  }

  /** The workflow named {@code name}. */
  public Optional<WorkflowSpec> workflow(String name) {
    return workflows.stream().filter(w -> w.name().equals(name)).findFirst();
  }

  /** The function whose key is {@code key}. */
  public Optional<FunctionSpec> function(String key) {
    return functions.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /** The function {@code key}, which the manifest must have. */
  public FunctionSpec requireFunction(String key) {
    return function(key)
        .orElseThrow(() -> new IllegalArgumentException("the manifest has no function " + key));
  }

  /** Every secret name: those activities declare and the webhooks' signing secrets, sorted. */
  public List<String> secrets() {
    TreeSet<String> names = new TreeSet<>();
    functions.forEach(f -> names.addAll(f.secrets()));
    workflows.forEach(w -> w.webhooks().forEach(h -> names.add(h.secret())));
    return List.copyOf(names);
  }

  /** A webhook with the workflow it starts. */
  public record Route(WorkflowSpec workflow, WebhookSpec webhook) {}

  /** Every webhook route, sorted by path. */
  public List<Route> routes() {
    return workflows.stream()
        .flatMap(w -> w.webhooks().stream().map(h -> new Route(w, h)))
        .sorted(java.util.Comparator.comparing(r -> r.webhook().path()))
        .toList();
  }

  /** The webhook serving {@code /webhooks/{path}}. */
  public Optional<Route> route(String path) {
    return routes().stream().filter(r -> r.webhook().path().equals(path)).findFirst();
  }

  /**
   * The manifest as JSON text: two-space indent, fields in declaration order, one final newline.
   */
  public String toJson() {
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    try {
      return JSON.writer(pretty).writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the manifest: " + e.getMessage(), e);
    }
  }

  /** Parses a manifest. */
  public static DeploymentManifest fromJson(String json) {
    try {
      return checked(JSON.readValue(json, DeploymentManifest.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a Statecraft manifest: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads {@value #FILE_NAME} from a file. */
  public static DeploymentManifest read(Path file) {
    try {
      return fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads the manifest a deployable jar carries at {@value #RESOURCE}. */
  public static DeploymentManifest fromClasspath(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "no "
                + RESOURCE
                + " on the classpath: build the jar with statecraft synth or the"
                + " statecraft-maven-plugin");
      }
      return fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static DeploymentManifest checked(DeploymentManifest m) {
    Objects.requireNonNull(m, "manifest");
    if (m.manifestVersion() != VERSION) {
      throw new IllegalArgumentException(
          "manifest version "
              + m.manifestVersion()
              + " is not "
              + VERSION
              + ": compile the project again with this version of Statecraft");
    }
    return m;
  }
}
