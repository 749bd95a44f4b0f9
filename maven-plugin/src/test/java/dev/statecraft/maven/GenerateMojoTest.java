package dev.statecraft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate goal on a project's sources, as Maven runs it in generate-sources. */
class GenerateMojoTest {
  @TempDir Path dir;

  private static final String ACTIVITIES =
      """
      package demo;

      import dev.statecraft.api.Activities;

      @Activities
      public interface Greeter {
        String greet(String name);
      }
      """;
  private static final String IMPL =
      """
      package demo;

      public class GreeterImpl implements Greeter {
        public String greet(String name) {
          return "hi " + name;
        }
      }
      """;

  private static String workflow(String body) {
    return """
        package demo;

        import dev.statecraft.api.Durable;
        import dev.statecraft.api.Secrets;
        import dev.statecraft.api.Workflow;
        import dev.statecraft.api.WorkflowMethod;

        @Workflow
        public class Hello {
          private final Greeter act = Durable.activities(Greeter.class);

          @WorkflowMethod
          public String run(String name) {
            %s
          }
        }
        """
        .formatted(body);
  }

  private MavenProject project(String workflowBody) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/main/java/demo"));
    Files.writeString(src.resolve("Greeter.java"), ACTIVITIES);
    Files.writeString(src.resolve("GreeterImpl.java"), IMPL);
    Files.writeString(src.resolve("Hello.java"), workflow(workflowBody));
    return new MavenProject();
  }

  private GenerateMojo mojo(MavenProject project, List<String> log) throws Exception {
    GenerateMojo mojo = new GenerateMojo();
    set(mojo, "project", project);
    set(mojo, "sourceDirectory", dir.resolve("src/main/java").toFile());
    set(mojo, "outputDirectory", dir.resolve("target/statecraft").toFile());
    set(mojo, "generatedSources", dir.resolve("target/generated-sources/statecraft").toFile());
    set(mojo, "generatedResources", dir.resolve("target/generated-resources/statecraft").toFile());
    set(mojo, "targets", "aws");
    mojo.setLog(
        new SystemStreamLog() {
          @Override
          public void error(CharSequence content) {
            log.add(content.toString());
          }
        });
    return mojo;
  }

  @Test
  void writesTheArtifactsAndAddsTheHandlersAndTheManifestToTheBuild() throws Exception {
    MavenProject project = project("return act.greet(name);");
    mojo(project, new ArrayList<>()).execute();
    Path out = dir.resolve("target");
    assertTrue(Files.exists(out.resolve("statecraft/aws/hello/statemachine.asl.json")));
    assertTrue(Files.exists(out.resolve("statecraft/statecraft-manifest.json")));
    assertTrue(
        Files.exists(out.resolve("generated-sources/statecraft/demo/GreeterGreetHandler.java")));
    assertTrue(
        Files.exists(
            out.resolve("generated-resources/statecraft/statecraft/statecraft-manifest.json")));
    assertTrue(
        project
            .getCompileSourceRoots()
            .contains(out.resolve("generated-sources/statecraft").toFile().getAbsolutePath()),
        project.getCompileSourceRoots()::toString);
    assertEquals(
        new File(out.resolve("generated-resources/statecraft").toString()).getAbsolutePath(),
        project.getResources().get(0).getDirectory());
  }

  @Test
  void aCompileErrorFailsTheBuildWithTheDiagnostic() throws Exception {
    List<String> errors = new ArrayList<>();
    MavenProject project = project("return act.greet(Secrets.get(\"API_KEY\"));");
    MojoFailureException e =
        assertThrows(MojoFailureException.class, () -> mojo(project, errors).execute());
    assertTrue(e.getMessage().contains("do not compile (1 error(s) above)"), e.getMessage());
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(
        errors.get(0).matches("(?s).*Hello\\.java:14:22: error: \\[SECRET_IN_WORKFLOW] .*"),
        errors.get(0));
    assertTrue(Files.notExists(dir.resolve("target/statecraft")), "nothing is written");
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }
}
