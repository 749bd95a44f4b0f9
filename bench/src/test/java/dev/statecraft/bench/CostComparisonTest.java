package dev.statecraft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compiled workflows of {@code bench/cost/} cost no more state transitions than the
 * hand-written AWS patterns they replace, and do the same work.
 */
class CostComparisonTest {
  @Test
  void everyCompiledWorkflowIsAsCheapAsItsHandWrittenCounterpartAndAgrees() {
    List<CostComparison.Row> rows = CostComparison.measure(Path.of("."));
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    CostComparison.print(rows, new PrintStream(table, true, StandardCharsets.UTF_8));
    String report = table.toString(StandardCharsets.UTF_8);
    Map<String, Long> inputsPerCase =
        rows.stream()
            .collect(Collectors.groupingBy(CostComparison.Row::workflow, Collectors.counting()));
    assertEquals(
        List.of(
            "error-fallback",
            "human-approval",
            "iterate-loop",
            "job-poller",
            "map-items",
            "parallel-lookup",
            "text-stats"),
        inputsPerCase.keySet().stream().sorted().toList(),
        report);
    CostComparison.Row hundred =
        rows.stream()
            .filter(r -> r.workflow().equals("text-stats") && r.input().equals("hundred"))
            .findFirst()
            .orElseThrow();
    // A for-each over 100 results and a stream pipeline with no durable call: one Task state,
    // where a Choice per item cost 303 transitions.
    assertTrue(hundred.compiled() <= 3, () -> "a data-only loop costs transitions:\n" + report);
    for (CostComparison.Row row : rows) {
      assertTrue(row.difference().isEmpty(), () -> "behaves differently:\n" + report);
      assertTrue(row.compiled() <= row.handwritten(), () -> "costs more:\n" + report);
      assertTrue(row.compiled() > 0, report);
    }
  }
}
