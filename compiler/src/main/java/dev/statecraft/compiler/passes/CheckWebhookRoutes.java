package dev.statecraft.compiler.passes;

import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import dev.statecraft.compiler.diagnostic.Diagnostics;
import dev.statecraft.compiler.ir.WebhookRoute;
import dev.statecraft.compiler.ir.WorkflowIr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports two {@code @Webhook}s of a project that serve one path: a request to it could start
 * either workflow.
 */
public final class CheckWebhookRoutes {
  private CheckWebhookRoutes() {}

  /** Runs the check over every workflow of the project. */
  public static void run(List<WorkflowIr> workflows, Diagnostics diagnostics) {
    Map<String, String> owners = new HashMap<>();
    for (WorkflowIr wf : workflows) {
      for (WebhookRoute route : wf.webhooks()) {
        String first = owners.putIfAbsent(route.path(), wf.name());
        if (first != null) {
          diagnostics.error(
              DiagnosticCode.DUPLICATE_WEBHOOK_PATH,
              route.position(),
              "webhook path '" + route.path() + "' is already served by workflow '" + first + "'",
              "give each @Webhook of the project its own path");
        }
      }
    }
  }
}
