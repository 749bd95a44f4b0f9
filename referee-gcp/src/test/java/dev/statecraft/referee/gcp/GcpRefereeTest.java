package dev.statecraft.referee.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The referee runs a real example on the emulator, and reads failures as Java names them. */
class GcpRefereeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The built emulator; CI (STATECRAFT_REQUIRE_REFEREES=1 or CI=true) fails without it. */
  static Path emulatorOrSkip() {
    Optional<Path> emulator = GcpReferee.emulator();
    if (emulator.isEmpty()) {
      String reason = "the Cloud Workflows emulator is not built: run " + GcpReferee.BUILD_COMMAND;
      if ("1".equals(System.getenv("STATECRAFT_REQUIRE_REFEREES"))
          || "true".equals(System.getenv("CI"))) {
        fail(reason);
      }
      assumeTrue(false, reason);
    }
    return emulator.get();
  }

  @Test
  void runsTheSupportTriageExampleWithItsCloudRunFunctions(@TempDir Path work) throws Exception {
    Path emulator = emulatorOrSkip();
    try (GcpReferee gcp =
        GcpReferee.open(emulator, Path.of("../examples/support-triage/src/main/java"), work)) {
      JsonNode input = JSON.readTree(Path.of("../examples/support-triage/ticket.json").toFile());
      GcpRun run = gcp.run("support-triage", input, List.of());
      assertTrue(run.succeeded(), () -> run.failure().toString());
      assertEquals("T-1042", run.output().path("ticketId").asText(), run.output().toString());
      assertEquals(
          List.of("TriageActivities.classify", "TriageActivities.draftReply"),
          run.calls().stream().map(GcpRun.Call::activity).toList());
      assertTrue(run.steps().internal() >= 3, run.steps().toString());
      assertEquals(0, run.steps().external());
      assertFalse(run.executedSteps().isEmpty());
    }
  }

  @Test
  void readsFailuresAsJavaNamesThem() {
    assertEquals(
        new GcpRun.Failure("Rejected", "too big", "{\"error\":\"Rejected\",\"cause\":\"too big\"}"),
        GcpReferee.failure("{\"error\":\"Rejected\",\"cause\":\"too big\"}"));
    assertEquals(
        "demo.OutOfStock: none left",
        GcpReferee.failure(
                "{\"body\":{\"errorType\":\"demo.OutOfStock\",\"errorMessage\":\"none left\"},"
                    + "\"code\":500,\"tags\":[\"HttpError\"]}")
            .toString());
    assertEquals(
        "java.lang.IndexOutOfBoundsException: Index 3 out of bounds for length 1",
        GcpReferee.failure(
                "{\"message\":\"java.lang.IndexOutOfBoundsException: Index 3 out of bounds for"
                    + " length 1\"}")
            .toString());
    assertEquals(
        "TypeError: bad",
        GcpReferee.failure("{\"message\":\"bad\",\"tags\":[\"TypeError\"]}").toString());
  }
}
