package dev.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.compiler.CompiledWorkflow;
import dev.statecraft.referee.azure.ActivityAttempt;
import dev.statecraft.referee.azure.AzureApp;
import dev.statecraft.referee.azure.AzureReferee;
import dev.statecraft.referee.azure.AzureRun;
import dev.statecraft.referee.azure.BilledCounts;
import dev.statecraft.referee.azure.Hosting;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code run --target azure}: the workflow's Durable Functions orchestrator on the Durable Task
 * engine (the Azure referee, {@code tools/durabletask-referee}), hosted as the Functions host runs
 * it, with wall-clock timers; prints each activity execution, what Durable Functions bills, and the
 * output.
 */
final class DurableTaskRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DurableTaskRun() {}

  /** The exit code; {@code input} is the JSON text of the input. */
  static int run(
      Path source,
      String workflowName,
      String input,
      Path stateDir,
      Duration timeout,
      boolean quiet,
      PrintWriter out,
      PrintWriter err)
      throws java.io.IOException {
    Optional<Path> engine = AzureReferee.engine();
    if (engine.isEmpty()) {
      throw new Main.UsageException(
          "the Durable Task engine for --target azure is not built: run "
              + AzureReferee.BUILD_COMMAND
              + " in the Statecraft repository");
    }
    Path home = Files.createDirectories(stateDir.resolve("azure"));
    Path work = Files.createTempDirectory(home, "run");
    try (AzureApp app = AzureApp.compile(source, work.resolve("app"));
        AzureReferee referee =
            AzureReferee.start(engine.get(), work.resolve("engine"), Duration.ZERO);
        AzureReferee.Host host = referee.host(app, Hosting.FUNCTIONS_HOST)) {
      List<CompiledWorkflow> workflows = app.compilation().workflows();
      CompiledWorkflow wf =
          workflowName == null
              ? (workflows.size() == 1 ? workflows.get(0) : null)
              : app.compilation().workflow(workflowName).orElse(null);
      if (wf == null) {
        throw new Main.UsageException(
            "say which workflow to run with --workflow NAME: "
                + workflows.stream().map(CompiledWorkflow::name).toList());
      }
      if (app.compilation().manifest().workflows().stream()
          .anyMatch(dev.statecraft.manifest.WorkflowSpec::awaitsCallbacks)) {
        throw new Main.UsageException(
            "'"
                + wf.name()
                + "' awaits callbacks, which run --target azure does not answer yet; run it on"
                + " the embedded engine (leave out --target)");
      }
      if (!quiet) {
        out.printf(
            "statecraft: running '%s' on the Durable Task engine (durabletask-go), hosted as on"
                + " Azure Functions%n",
            wf.name());
      }
      JsonNode in = JSON.readTree(input == null ? "null" : input);
      AzureRun run = host.run(wf.name(), in, List.of(), timeout);
      if (!quiet) {
        for (ActivityAttempt a : run.activityCalls()) {
          out.printf(
              "  activity %s%s%n",
              a.activity(),
              a.returned()
                  ? " -> " + a.result()
                  : " threw " + a.errorType() + ": " + a.errorMessage());
        }
        BilledCounts c = run.counts();
        out.printf(
            "statecraft: billed: %d orchestrator executions (%d replays), %d activity executions,"
                + " %d history events%n",
            c.orchestratorExecutions(),
            c.orchestratorReplays(),
            c.activityExecutions(),
            c.historyEvents());
      }
      if (run.failure().isPresent()) {
        AzureRun.Failure f = run.failure().get();
        err.printf("statecraft: instance failed: %s: %s%n", f.error(), f.cause());
        return Main.FAILED;
      }
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(run.output()));
      return Main.OK;
    }
  }
}
