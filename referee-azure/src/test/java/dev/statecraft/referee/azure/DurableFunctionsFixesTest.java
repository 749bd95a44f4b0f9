package dev.statecraft.referee.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Behaviours of the emitted Durable Functions that the example inputs do not reach. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurableFunctionsFixesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PROJECT = Path.of("src/test/resources/projects/fixes");

  private AzureReferee referee;
  private AzureApp app;

  @BeforeAll
  void start() throws Exception {
    Path work = java.nio.file.Files.createTempDirectory("durabletask-fixes");
    referee = AzureReferee.start(EnginesForTests.engine(), work.resolve("engine"));
    app = AzureApp.compile(PROJECT, work.resolve("app"));
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    if (referee != null) {
      referee.close();
    }
  }

  private AzureRun run(String workflow, String input, Hosting hosting) throws Exception {
    return run(workflow, input, hosting, List.of());
  }

  private AzureRun run(String workflow, String input, Hosting hosting, List<CallbackAnswer> answers)
      throws Exception {
    try (AzureApp fresh = app.reload();
        AzureReferee.Host host = referee.host(fresh, hosting)) {
      return host.run(workflow, JSON.readTree(input), answers, Duration.ofSeconds(60));
    }
  }

  @Test
  void aCallbackIsAnAbsoluteSignedUrlAnsweredAsOnAws() throws Exception {
    AzureRun answered =
        run(
            "review",
            "{\"id\":\"r1\",\"items\":[]}",
            Hosting.FUNCTIONS_HOST,
            List.of(new CallbackAnswer.Value(JSON.getNodeFactory().textNode("ship it"))));
    assertEquals("verdict ship it", answered.output().asText(), () -> "run: " + answered);
    String url = answered.activityCalls().get(0).arguments().get("callback").get("url").asText();
    assertTrue(
        url.matches(
            "http://localhost:7071/api/callbacks/review\\?token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"),
        url);

    AzureRun failed =
        run(
            "review",
            "{\"id\":\"r2\",\"items\":[]}",
            Hosting.FUNCTIONS_HOST,
            List.of(new CallbackAnswer.Error("fixes.Busy", "on leave")));
    assertEquals("reviewer busy: on leave", failed.output().asText(), () -> "run: " + failed);
  }

  @Test
  void aCallbackTokenNotSignedByTheAppIsRefused() {
    var forged = JSON.createObjectNode();
    forged.put("token", "aW5zdC9jYWxsYmFjay0x.forged");
    forged.put(
        "url", "http://localhost:7071/api/callbacks/review?token=aW5zdC9jYWxsYmFjay0x.forged");
    IllegalStateException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () ->
                Callbacks.answer(
                    referee,
                    app,
                    forged,
                    new CallbackAnswer.Value(JSON.getNodeFactory().textNode("x"))));
    assertTrue(refused.getMessage().contains("answered 401"), refused.getMessage());
  }

  @Test
  void anInputFieldTheRecordLacksIsIgnoredAsJavaIgnoresIt() throws Exception {
    for (Hosting hosting : Hosting.values()) {
      AzureRun run =
          run("pricing", "{\"id\":\"o1\",\"items\":[\"ab\"],\"coupon\":\"SAVE10\"}", hosting);
      assertTrue(run.succeeded(), () -> hosting + ": " + run.failure().orElse(null));
      assertEquals("o1:ab=2;p=1,q=1", run.output().asText());
    }
  }

  @Test
  void mapAndParallelOverSingleActivityCallsApplyTheirRetries() throws Exception {
    AzureRun run =
        run("pricing", "{\"id\":\"o2\",\"items\":[\"ab\",\"cde\"]}", Hosting.FUNCTIONS_HOST);
    assertTrue(run.succeeded(), () -> "failed: " + run.failure().orElse(null));
    assertEquals("o2:ab=2,cde=3;p=1,q=1", run.output().asText());
    // Four items (two mapped, two in parallel), each busy twice before it answers.
    assertEquals(12, run.activityCalls().size(), () -> "calls: " + run.activityCalls());
    assertEquals(12, run.counts().activityExecutions());
  }

  @Test
  void mapOverSingleActivityCallsAppliesTheActivityTimeout() throws Exception {
    AzureRun run = run("slow", "{\"id\":\"o3\",\"items\":[\"x\"]}", Hosting.FUNCTIONS_HOST);
    assertEquals(
        "dev.statecraft.api.ActivityTimeout",
        run.failure().map(AzureRun.Failure::error).orElse("succeeded with " + run.output()));
  }

  @Test
  void anExceptionsNameReachesTheClientUnderTheFunctionsHost() throws Exception {
    AzureRun run = run("pricing", "{\"id\":\"o4\"}", Hosting.FUNCTIONS_HOST);
    // order.items() is null: Java throws NullPointerException, and so does the orchestrator.
    assertEquals(
        "java.lang.NullPointerException",
        run.failure().map(AzureRun.Failure::error).orElse("succeeded"));
  }
}
