package dev.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a finished run ended, in terms both modes share, so one assertion checks either and a
 * differential test compares them:
 *
 * <pre>{@code
 * EngineResult<Receipt> onEngine = env.run(PlaceOrder.class, order);
 * DirectResult<Receipt> direct = env.runDirect(PlaceOrder.class, order);
 * assertEquals(direct.outputJson(), onEngine.outputJson());
 * assertEquals(direct.failure(), onEngine.failure());
 * assertEquals(direct.activityCalls(), onEngine.activityCalls());
 * }</pre>
 *
 * <p>Times are on the run's clock: virtual unless the environment uses the wall clock, so a
 * six-hour {@code Durable.sleep} shows as six hours in {@link #duration()}.
 *
 * @param <O> the workflow method's return type
 */
public sealed interface WorkflowResult<O> permits EngineResult, DirectResult {
  /**
   * The id {@code Durable.executionId()} returned: the execution ARN, {@code
   * arn:aws:states:us-east-1:000000000000:execution:WORKFLOW:NAME}.
   */
  String executionId();

  /** Whether the workflow returned rather than failed. */
  boolean succeeded();

  /**
   * What the workflow returned, decoded as its method's return type ({@code null} for {@code
   * void}).
   *
   * @throws AssertionError when the run failed, naming the failure
   */
  O output();

  /**
   * The output as JSON, encoded from {@link #output()} with {@code ActivityJson} so that both modes
   * compare structurally (a {@code double} field is {@code 19.0} even where JSONata wrote {@code
   * 19}); a JSON {@code null} when the run failed.
   */
  JsonNode outputJson();

  /** How the run failed, empty when it succeeded. */
  Optional<WorkflowError> failure();

  /**
   * Every activity attempt of the run, child workflows' included, in the order they ran. Direct
   * mode runs {@code Durable.map} items and {@code Durable.parallel} branches one after another;
   * the engine runs them concurrently, as AWS does, so there the calls of different items or
   * branches interleave as they happened to run (each item's or branch's own calls stay in order).
   */
  List<ActivityCall> activityCalls();

  /** When the run started, on its clock. */
  Instant startTime();

  /** When the run finished, on its clock. */
  Instant stopTime();

  /** How long the run took on its clock. */
  default Duration duration() {
    return Duration.between(startTime(), stopTime());
  }
}
