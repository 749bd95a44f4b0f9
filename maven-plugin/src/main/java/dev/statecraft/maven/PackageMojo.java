package dev.statecraft.maven;

import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.packaging.LambdaPackage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds the project's AWS Lambda deployment package, {@code target/<finalName>-lambda.zip}
 * (attached with classifier {@code lambda}): the compiled classes with the generated handlers and
 * the manifest at the root, every runtime dependency under {@code lib/}. {@code statecraft synth}
 * and the CDK app deploy it as the code of every function. The project must depend on {@code
 * dev.statecraft:statecraft-adapters-aws}, which the handlers run on.
 */
@Mojo(
    name = "package",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public final class PackageMojo extends AbstractMojo {
  private static final Set<String> RUNTIME_SCOPES =
      Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME);

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Component private MavenProjectHelper helper;

  /** The compiled classes and resources. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  private File classesDirectory;

  /** Where {@code statecraft:generate} wrote the manifest. */
  @Parameter(defaultValue = "${project.build.directory}/statecraft", required = true)
  private File outputDirectory;

  /** The package to write. */
  @Parameter(
      defaultValue = "${project.build.directory}/${project.build.finalName}-lambda.zip",
      required = true)
  private File lambdaPackage;

  /** Skips the goal. */
  @Parameter(property = "statecraft.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      return;
    }
    Path manifestFile = outputDirectory.toPath().resolve(DeploymentManifest.FILE_NAME);
    if (!Files.isRegularFile(manifestFile)) {
      throw new MojoFailureException(
          "statecraft: no "
              + manifestFile
              + "; run the generate goal first (bind both goals in one execution)");
    }
    List<Path> libraries = new ArrayList<>();
    boolean adapters = false;
    for (Artifact a : project.getArtifacts()) {
      if (RUNTIME_SCOPES.contains(a.getScope()) && a.getFile() != null) {
        libraries.add(a.getFile().toPath());
        adapters |= a.getArtifactId().equals("statecraft-adapters-aws");
      }
    }
    if (!adapters) {
      throw new MojoFailureException(
          "statecraft: the Lambda handlers run on dev.statecraft:statecraft-adapters-aws; add it"
              + " to the project's dependencies");
    }
    LambdaPackage.builder()
        .classes(classesDirectory.toPath())
        .libraries(libraries)
        .manifest(DeploymentManifest.read(manifestFile))
        .build()
        .writeTo(lambdaPackage.toPath());
    helper.attachArtifact(project, "zip", "lambda", lambdaPackage);
    getLog().info("statecraft: Lambda package " + lambdaPackage);
  }
}
