package dev.statecraft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import demo.shop.Order;
import demo.shop.PlaceOrder;
import demo.shop.QuotaExceeded;
import demo.shop.Quote;
import demo.shop.RateLimited;
import demo.shop.Receipt;
import demo.shop.ShopActivities;
import dev.statecraft.api.ActivityTimeout;
import dev.statecraft.local.ExecutionStatus;
import dev.statecraft.local.HistoryEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The harness on a workflow with an if, a {@code WorkflowFailure}, a retry on a custom exception
 * (with hour-long back-off) and a retry on simulated timeouts: both modes agree on outputs, errors
 * and ordered activity calls.
 */
class PlaceOrderTest {
  @RegisterExtension
  static final WorkflowTestExtension workflows =
      new WorkflowTestExtension(
          WorkflowTestEnvironment.builder().sourceDir(Path.of("src/test/resources/shop")));

  private static final Order EXPRESS = new Order("o-1", "sku-7", 2, true);
  private static final Order STANDARD = new Order("o-2", "sku-7", 3, false);

  @Test
  void bothModesReturnTheSameReceiptAndCalls(WorkflowTestEnvironment env) {
    env.registerActivities(ShopActivities.class, new FakeShop());
    EngineResult<Receipt> onEngine = env.run(PlaceOrder.class, EXPRESS);
    DirectResult<Receipt> direct = env.runDirect(PlaceOrder.class, EXPRESS);

    assertEquals(new Receipt("o-1", "placed", 19.0, "T-o-1"), onEngine.output());
    assertEquals(direct.output(), onEngine.output());
    assertEquals(direct.outputJson(), onEngine.outputJson());
    assertEquals(List.of("ShopActivities.price", "ShopActivities.ship"), activities(onEngine));
    assertEquals(direct.activityCalls(), onEngine.activityCalls());
    assertEquals(EXPRESS, onEngine.activityCalls().get(0).argument("order", Order.class));
    assertEquals(ExecutionStatus.SUCCEEDED, onEngine.status());
  }

  @Test
  void executionIdIsTheSameArnInBothModes(WorkflowTestEnvironment env) {
    env.registerActivities(ShopActivities.class, new FakeShop());
    String arn = "arn:aws:states:us-east-1:000000000000:execution:place-order:run-1";

    Receipt onEngine = env.<Receipt>run(PlaceOrder.class, STANDARD).output();
    Receipt direct = env.<Receipt>runDirect(PlaceOrder.class, STANDARD).output();

    assertEquals("standard for " + arn, onEngine.tracking());
    assertEquals(onEngine, direct);
  }

  @Test
  void retriesRateLimitsAndTheirSubclassesInBothModes(WorkflowTestEnvironment env) {
    env.registerActivities(
        ShopActivities.class,
        new FakeShop().failPricing(new RateLimited("slow down"), new QuotaExceeded("quota")));
    EngineResult<Receipt> onEngine = env.run(PlaceOrder.class, STANDARD);
    env.registerActivities(
        ShopActivities.class,
        new FakeShop().failPricing(new RateLimited("slow down"), new QuotaExceeded("quota")));
    DirectResult<Receipt> direct = env.runDirect(PlaceOrder.class, STANDARD);

    assertEquals(28.5, onEngine.output().amount());
    List<ActivityCall> calls = onEngine.activityCalls();
    assertEquals(3, calls.size());
    assertEquals(new WorkflowError("demo.shop.RateLimited", "slow down"), calls.get(0).error());
    assertEquals(new WorkflowError("demo.shop.QuotaExceeded", "quota"), calls.get(1).error());
    assertTrue(calls.get(2).returned());
    assertEquals(direct.activityCalls(), calls);
    assertEquals(direct.outputJson(), onEngine.outputJson());
  }

  @Test
  void hoursOfBackOffPassInstantlyOnVirtualTime(WorkflowTestEnvironment env) {
    env.registerActivities(
        ShopActivities.class,
        new FakeShop().failPricing(new RateLimited("1"), new RateLimited("2")));
    env.run(PlaceOrder.class, STANDARD); // compiles and warms up the engine

    env.registerActivities(
        ShopActivities.class,
        new FakeShop().failPricing(new RateLimited("1"), new RateLimited("2")));
    long wallStart = System.nanoTime();
    EngineResult<Receipt> result = env.run(PlaceOrder.class, STANDARD);
    Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);

    // Back-off of 1 h, then 2 h (backoffRate 2.0), as Step Functions schedules it.
    List<HistoryEvent> history = result.history();
    List<HistoryEvent> scheduled =
        history.stream().filter(e -> e.type().equals("TaskScheduled")).toList();
    assertEquals(3, scheduled.size());
    assertEquals(
        Duration.ofHours(1),
        Duration.between(scheduled.get(0).timestamp(), scheduled.get(1).timestamp()));
    assertEquals(
        Duration.ofHours(2),
        Duration.between(scheduled.get(1).timestamp(), scheduled.get(2).timestamp()));
    assertTrue(result.duration().compareTo(Duration.ofHours(3)) >= 0, result.duration()::toString);
    assertTrue(wall.compareTo(Duration.ofSeconds(1)) < 0, () -> "took " + wall + " of wall time");

    env.registerActivities(
        ShopActivities.class,
        new FakeShop().failPricing(new RateLimited("1"), new RateLimited("2")));
    assertEquals(Duration.ofHours(3), env.runDirect(PlaceOrder.class, STANDARD).duration());
  }

  @Test
  void exhaustedRetriesFailWithTheExceptionsNameAndMessage(WorkflowTestEnvironment env) {
    RuntimeException[] three = {
      new RateLimited("a"), new RateLimited("b"), new RateLimited("still busy")
    };
    env.registerActivities(ShopActivities.class, new FakeShop().failPricing(three));
    EngineResult<Receipt> onEngine = env.run(PlaceOrder.class, EXPRESS);
    env.registerActivities(ShopActivities.class, new FakeShop().failPricing(three));
    DirectResult<Receipt> direct = env.runDirect(PlaceOrder.class, EXPRESS);

    WorkflowError expected = new WorkflowError("demo.shop.RateLimited", "still busy");
    assertEquals(Optional.of(expected), onEngine.failure());
    assertEquals(Optional.of(expected), direct.failure());
    assertEquals(ExecutionStatus.FAILED, onEngine.status());
    assertEquals("demo.shop.RateLimited", onEngine.error());
    assertEquals(3, onEngine.activityCalls().size());
    assertEquals(direct.activityCalls(), onEngine.activityCalls());
    assertThrows(AssertionError.class, onEngine::output);
  }

  @Test
  void exceptionsOutsideRetryOnFailAtOnce(WorkflowTestEnvironment env) {
    env.registerActivities(
        ShopActivities.class, new FakeShop().failPricing(new IllegalStateException("no prices")));
    EngineResult<Receipt> onEngine = env.run(PlaceOrder.class, EXPRESS);
    env.registerActivities(
        ShopActivities.class, new FakeShop().failPricing(new IllegalStateException("no prices")));
    DirectResult<Receipt> direct = env.runDirect(PlaceOrder.class, EXPRESS);

    WorkflowError expected = new WorkflowError("java.lang.IllegalStateException", "no prices");
    assertEquals(Optional.of(expected), onEngine.failure());
    assertEquals(onEngine.failure(), direct.failure());
    assertEquals(1, onEngine.activityCalls().size());
    assertEquals(direct.activityCalls(), onEngine.activityCalls());
  }

  @Test
  void workflowFailureIsReportedWithItsErrorName(WorkflowTestEnvironment env) {
    env.registerActivities(ShopActivities.class, new FakeShop());
    Order empty = new Order("o-9", "sku-7", 0, false);
    EngineResult<Receipt> onEngine = env.run(PlaceOrder.class, empty);
    DirectResult<Receipt> direct = env.runDirect(PlaceOrder.class, empty);

    WorkflowError expected = new WorkflowError("InvalidOrder", "order o-9 has no items");
    assertEquals(Optional.of(expected), onEngine.failure());
    assertEquals(Optional.of(expected), direct.failure());
    assertFalse(onEngine.succeeded());
    assertTrue(onEngine.activityCalls().isEmpty());
    assertTrue(direct.activityCalls().isEmpty());
  }

  @Test
  void aSimulatedTimeoutIsRetriedWhereRetryOnNamesActivityTimeout(WorkflowTestEnvironment env) {
    env.registerActivities(
        ShopActivities.class, new FakeShop().failShipping(new ActivityTimeout("slow courier")));
    EngineResult<Receipt> onEngine = env.run(PlaceOrder.class, EXPRESS);
    env.registerActivities(
        ShopActivities.class, new FakeShop().failShipping(new ActivityTimeout("slow courier")));
    DirectResult<Receipt> direct = env.runDirect(PlaceOrder.class, EXPRESS);

    assertEquals("T-o-1", onEngine.output().tracking());
    assertEquals(
        List.of("ShopActivities.price", "ShopActivities.ship", "ShopActivities.ship"),
        activities(onEngine));
    assertEquals(WorkflowError.timeout(), onEngine.activityCalls().get(1).error());
    assertEquals(direct.activityCalls(), onEngine.activityCalls());
    assertTrue(onEngine.history().stream().anyMatch(e -> e.type().equals("TaskTimedOut")));
    // The attempt ran out its 10 minutes, then the retry waited 1 minute.
    assertEquals(Duration.ofMinutes(11), direct.duration());
    assertTrue(onEngine.duration().compareTo(Duration.ofMinutes(11)) >= 0);
  }

  @Test
  void anActivityWithoutImplementationFailsTheTest(WorkflowTestEnvironment env) {
    IllegalStateException onEngine =
        assertThrows(IllegalStateException.class, () -> env.run(PlaceOrder.class, EXPRESS));
    IllegalStateException direct =
        assertThrows(IllegalStateException.class, () -> env.runDirect(PlaceOrder.class, EXPRESS));

    assertTrue(onEngine.getMessage().contains("no implementation of demo.shop.ShopActivities"));
    assertEquals(onEngine.getMessage(), direct.getMessage());
  }

  @Test
  void anAssertionFailingInAFakeFailsTheTest(WorkflowTestEnvironment env) {
    ShopActivities strict =
        new ShopActivities() {
          @Override
          public Quote price(Order order) {
            return new Quote(1.0, "EUR");
          }

          @Override
          public String ship(Order order, Quote quote) {
            throw new AssertionError("shipped too early");
          }
        };
    env.registerActivities(ShopActivities.class, strict);

    AssertionError onEngine =
        assertThrows(AssertionError.class, () -> env.run(PlaceOrder.class, EXPRESS));
    AssertionError direct =
        assertThrows(AssertionError.class, () -> env.runDirect(PlaceOrder.class, EXPRESS));
    assertEquals("shipped too early", onEngine.getMessage());
    assertEquals("shipped too early", direct.getMessage());
  }

  @Test
  void executionNamesAreChosenOnceAndNumberedPerWorkflow(WorkflowTestEnvironment env) {
    env.registerActivities(ShopActivities.class, new FakeShop());

    WorkflowRun<Receipt> named = env.start(PlaceOrder.class, STANDARD, "nightly");
    assertEquals(
        "arn:aws:states:us-east-1:000000000000:execution:place-order:nightly",
        named.result().executionId());
    assertThrows(
        IllegalArgumentException.class, () -> env.start(PlaceOrder.class, STANDARD, "nightly"));
    assertTrue(env.run(PlaceOrder.class, STANDARD).executionId().endsWith(":run-1"));
    assertTrue(env.run(PlaceOrder.class, STANDARD).executionId().endsWith(":run-2"));
  }

  @Test
  void runsOnTheWallClockWhenAsked() {
    try (WorkflowTestEnvironment env =
        WorkflowTestEnvironment.builder()
            .sourceDir(Path.of("src/test/resources/shop"))
            .wallClock()
            .build()) {
      env.registerActivities(ShopActivities.class, new FakeShop());
      java.time.Instant before = java.time.Instant.now();
      EngineResult<Receipt> result = env.run(PlaceOrder.class, EXPRESS);
      assertEquals("T-o-1", result.output().tracking());
      assertTrue(!result.startTime().isBefore(before.minusSeconds(1)), result::toString);
    }
  }

  @Test
  void aWorkflowOutsideTheSourceFolderIsRejected(WorkflowTestEnvironment env) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> env.start(demo.approval.ApproveRequest.class, STANDARD));
    assertTrue(e.getMessage().contains("is not among the workflows compiled"), e::getMessage);
    assertThrows(IllegalArgumentException.class, () -> env.start(String.class, "x"));
  }

  @Test
  void aHandWrittenDefinitionRunsInPlaceOfTheCompiledOneWithTheSameActivities(
      WorkflowTestEnvironment env) {
    env.registerActivities(ShopActivities.class, new FakeShop());
    String byHand =
        """
        {"QueryLanguage": "JSONata", "StartAt": "Price", "States": {
          "Price": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Arguments": {"FunctionName": "${ShopActivities_price}",
                          "Payload": {"order": "{% $states.input %}"}},
            "Output": "{% {'orderId': $states.input.id, 'status': 'by hand', 'amount': $states.result.Payload.amount, 'tracking': 'none'} %}",
            "End": true}}}
        """;
    EngineResult<Receipt> result = env.runDefinition(PlaceOrder.class, byHand, STANDARD);

    assertEquals(new Receipt("o-2", "by hand", 28.5, "none"), result.output());
    assertEquals(List.of("ShopActivities.price"), activities(result));
    assertEquals(1, result.stateTransitions());
    assertTrue(result.executionArn().endsWith(":place-order-definition-1:run-1"), result::toString);
    IllegalArgumentException invalid =
        assertThrows(
            IllegalArgumentException.class,
            () -> env.runDefinition(PlaceOrder.class, "{\"StartAt\": \"Nowhere\"}", STANDARD));
    assertTrue(invalid.getMessage().contains("States"), invalid::getMessage);
  }

  private static List<String> activities(WorkflowResult<?> result) {
    return result.activityCalls().stream().map(ActivityCall::activity).toList();
  }
}
