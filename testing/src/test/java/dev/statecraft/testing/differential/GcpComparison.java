package dev.statecraft.testing.differential;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.WorkflowMethod;
import dev.statecraft.referee.gcp.GcpRun;
import dev.statecraft.testing.DirectResult;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What must be identical between a workflow run as plain Java and its Cloud Workflows definition
 * run on the emulator: the output (decoded into the workflow method's return type and encoded
 * again, as {@link Comparison} does for the engine), the failure's error name, and the activity
 * calls in order (as a multiset when the program runs branches concurrently).
 */
final class GcpComparison {
  /** What both targets' execution ids are compared as. */
  private static final String EXECUTION = "<execution id>";

  /** The execution id the emulator reports ({@code GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID}). */
  private static final String GCP_EXECUTION_ID = "emulator-exec-1";

  private GcpComparison() {}

  /** The differences, empty when the runs agree. */
  static List<String> differences(
      DirectResult<?> java, GcpRun gcp, Class<?> workflow, boolean concurrent) {
    List<String> out = new ArrayList<>();
    if (java.succeeded() != gcp.succeeded()) {
      out.add(
          "java "
              + (java.succeeded()
                  ? "succeeded with " + java.outputJson()
                  : "failed with " + java.failure().orElse(null))
              + " but gcp "
              + (gcp.succeeded()
                  ? "succeeded with " + gcp.output()
                  : "failed with " + gcp.failure().orElse(null)));
      return out;
    }
    if (java.succeeded()) {
      JsonNode output = typed(gcp.output(), workflow);
      String javaOut = java.outputJson().toString().replace(java.executionId(), EXECUTION);
      if (!javaOut.equals(output.toString().replace(GCP_EXECUTION_ID, EXECUTION))) {
        out.add("output: java " + java.outputJson() + " gcp " + output);
      }
    } else {
      String javaError = java.failure().orElseThrow().error();
      String gcpError = gcp.failure().orElseThrow().error();
      if (!javaError.equals(gcpError)) {
        out.add(
            "failure: java " + java.failure().orElse(null) + " gcp " + gcp.failure().orElse(null));
      }
    }
    // Durable.executionId() is each target's own id.
    String javaId = java.executionId();
    List<String> javaCalls =
        new ArrayList<>(
            java.activityCalls().stream()
                .map(c -> c.toString().replace(javaId, EXECUTION))
                .toList());
    List<String> gcpCalls =
        new ArrayList<>(
            gcp.calls().stream()
                .map(c -> c.toString().replace(GCP_EXECUTION_ID, EXECUTION))
                .toList());
    if (concurrent) {
      javaCalls.sort(null);
      gcpCalls.sort(null);
    }
    if (!javaCalls.equals(gcpCalls)) {
      out.add("activity calls: java " + javaCalls + " gcp " + gcpCalls);
    }
    return out;
  }

  /** The output decoded as the workflow method's return type and encoded again. */
  private static JsonNode typed(JsonNode output, Class<?> workflow) {
    Method method =
        Stream.of(workflow.getMethods())
            .filter(m -> m.isAnnotationPresent(WorkflowMethod.class))
            .findFirst()
            .orElseThrow();
    if (method.getReturnType() == void.class) {
      return NullNode.getInstance();
    }
    JavaType type =
        ActivityJson.mapper().getTypeFactory().constructType(method.getGenericReturnType());
    try {
      JsonNode node =
          ActivityJson.mapper().valueToTree(ActivityJson.mapper().convertValue(output, type));
      return node == null ? NullNode.getInstance() : node;
    } catch (IllegalArgumentException e) {
      return output;
    }
  }
}
