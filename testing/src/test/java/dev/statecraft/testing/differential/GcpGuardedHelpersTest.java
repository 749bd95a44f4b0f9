package dev.statecraft.testing.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.statecraft.referee.gcp.GcpReferee;
import dev.statecraft.referee.gcp.GcpRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helpers that can fail ({@code repeat}, {@code valueOf}) under {@code ?:} and {@code &&} run on
 * Cloud Workflows only where Java evaluates them: skipped, they do not fail; taken, they fail as
 * Java does (these were {@code TARGET_LIMIT} before).
 */
class GcpGuardedHelpersTest {
  @Test
  void failingHelpersRunOnlyWhereJavaEvaluatesThem(@TempDir Path dir) throws Exception {
    Path emulator = Referees.gcwEmulator();
    Path src = Files.createDirectories(dir.resolve("src/guarded"));
    Files.writeString(
        src.resolve("Guarded.java"),
        """
        package guarded;

        import dev.statecraft.api.Workflow;
        import dev.statecraft.api.WorkflowMethod;

        @Workflow(name = "guarded")
        public class Guarded {
          enum Level {
            LOW,
            HIGH
          }

          @WorkflowMethod
          public String run(String in) {
            int n = in.length() - 3;
            String bar = n > 0 ? "#".repeat(n) : "";
            boolean high = !in.isEmpty() && Level.valueOf(in) == Level.HIGH;
            return bar + high;
          }
        }
        """);
    try (GcpReferee gcp = GcpReferee.open(emulator, dir.resolve("src"), dir.resolve("gcp"))) {
      GcpRun empty = gcp.run("guarded", TextNode.valueOf(""), List.of());
      assertEquals("\"false\"", empty.output().toString(), () -> String.valueOf(empty.failure()));
      GcpRun high = gcp.run("guarded", TextNode.valueOf("HIGH"), List.of());
      assertEquals("\"#true\"", high.output().toString(), () -> String.valueOf(high.failure()));
      GcpRun unknown = gcp.run("guarded", TextNode.valueOf("ab"), List.of());
      assertEquals(
          "java.lang.IllegalArgumentException",
          unknown.failure().orElseThrow().error(),
          () -> String.valueOf(unknown.output()));
      assertEquals(
          "No enum constant guarded.Guarded.Level.ab", unknown.failure().orElseThrow().message());
    }
  }
}
