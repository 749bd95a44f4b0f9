package dev.statecraft.maven;

import dev.statecraft.compiler.Artifact;
import dev.statecraft.compiler.CompilationResult;
import dev.statecraft.compiler.StatecraftCompiler;
import dev.statecraft.compiler.Target;
import dev.statecraft.compiler.diagnostic.Diagnostic;
import dev.statecraft.compiler.diagnostic.Severity;
import dev.statecraft.manifest.DeploymentManifest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Compiles the project's {@code @Workflow} classes into the cloud artifacts and the deployment
 * manifest ({@code target/statecraft/}), adds the generated AWS Lambda handlers to the project's
 * sources ({@code target/generated-sources/statecraft}), and the manifest to its resources, where
 * the deployable package's webhook and callback handlers read it. A compile error fails the build
 * with the diagnostics, {@code path:line:col: error: [CODE] message}.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.statecraft</groupId>
 *   <artifactId>statecraft-maven-plugin</artifactId>
 *   <version>0.1.0-SNAPSHOT</version>
 *   <executions>
 *     <execution>
 *       <goals><goal>generate</goal><goal>package</goal></goals>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.GENERATE_SOURCES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The workflow sources. */
  @Parameter(defaultValue = "${project.build.sourceDirectory}", required = true)
  private File sourceDirectory;

  /** Where the artifacts and {@code statecraft-manifest.json} are written. */
  @Parameter(defaultValue = "${project.build.directory}/statecraft", required = true)
  private File outputDirectory;

  /** Where the generated handler sources go; added to the compile sources. */
  @Parameter(
      defaultValue = "${project.build.directory}/generated-sources/statecraft",
      required = true)
  private File generatedSources;

  /** Where the manifest resource goes; added to the resources. */
  @Parameter(
      defaultValue = "${project.build.directory}/generated-resources/statecraft",
      required = true)
  private File generatedResources;

  /** The clouds to emit for: {@code aws}, {@code gcp}, {@code azure} or {@code all}. */
  @Parameter(property = "statecraft.targets", defaultValue = "all")
  private String targets;

  /** Skips the goal. */
  @Parameter(property = "statecraft.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("statecraft: skipped");
      return;
    }
    Path sources = sourceDirectory.toPath();
    if (!Files.isDirectory(sources)) {
      getLog().info("statecraft: no sources at " + sources);
      return;
    }
    CompilationResult result = StatecraftCompiler.compile(sources, targets());
    for (Diagnostic d : result.diagnostics()) {
      String text = d.format().stripTrailing();
      if (d.severity() == Severity.ERROR) {
        getLog().error(text);
      } else {
        getLog().warn(text);
      }
    }
    if (!result.succeeded()) {
      throw new MojoFailureException(
          "statecraft: the workflows do not compile (" + errors(result) + " error(s) above)");
    }
    try {
      write(outputDirectory.toPath(), result.artifacts());
      write(generatedSources.toPath(), result.lambdaHandlers());
      Path manifest = generatedResources.toPath().resolve(DeploymentManifest.RESOURCE);
      Files.createDirectories(manifest.getParent());
      Files.writeString(manifest, result.manifest().toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("statecraft: cannot write artifacts: " + e.getMessage(), e);
    }
    project.addCompileSourceRoot(generatedSources.getAbsolutePath());
    Resource resource = new Resource();
    resource.setDirectory(generatedResources.getAbsolutePath());
    project.addResource(resource);
    getLog()
        .info(
            "statecraft: compiled "
                + result.workflows().size()
                + " workflow(s) into "
                + outputDirectory);
  }

  private Set<Target> targets() throws MojoFailureException {
    switch (targets.trim().toLowerCase(Locale.ROOT)) {
      case "all":
        return EnumSet.allOf(Target.class);
      case "aws":
        return EnumSet.of(Target.AWS);
      default:
        EnumSet<Target> chosen = EnumSet.of(Target.AWS);
        for (String t : targets.split(",")) {
          switch (t.trim().toLowerCase(Locale.ROOT)) {
            case "aws" -> chosen.add(Target.AWS);
            case "gcp" -> chosen.add(Target.GCP);
            case "azure" -> chosen.add(Target.AZURE);
            default ->
                throw new MojoFailureException(
                    "statecraft: targets must list aws, gcp, azure or be all, got " + targets);
          }
        }
        return chosen;
    }
  }

  private static void write(Path root, List<Artifact> artifacts) throws IOException {
    for (Artifact a : artifacts) {
      Path file = root.resolve(a.path());
      Files.createDirectories(file.getParent());
      Files.writeString(file, a.content(), StandardCharsets.UTF_8);
    }
  }

  private static long errors(CompilationResult r) {
    return r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
  }
}
