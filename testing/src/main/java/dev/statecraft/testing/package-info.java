/**
 * Testing Statecraft workflows with JUnit 5, in the spirit of Temporal's {@code
 * TestWorkflowEnvironment}.
 *
 * <p>{@link dev.statecraft.testing.WorkflowTestEnvironment} is the front door: register fake or
 * real activity implementations, then run a workflow on the embedded engine against its compiled
 * ASL ({@code run}, {@code start}) or as plain Java ({@code runDirect}). Both kinds of run end in a
 * {@link dev.statecraft.testing.WorkflowResult}: the output as typed value and comparable JSON, a
 * {@link dev.statecraft.testing.WorkflowError} when it failed, and the ordered {@link
 * dev.statecraft.testing.ActivityCall}s. Time is virtual, callbacks are answered by a {@link
 * dev.statecraft.testing.CallbackResponder} or from the test ({@link
 * dev.statecraft.testing.PendingCallback}), and {@link
 * dev.statecraft.testing.WorkflowTestExtension} hands a fresh environment to each test method.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final WorkflowTestExtension workflows = new WorkflowTestExtension();
 *
 * @Test
 * void retriesRateLimitedPricing(WorkflowTestEnvironment env) {
 *   env.registerActivities(ShopActivities.class, new FakeShop().rateLimitedTimes(1));
 *   EngineResult<Receipt> result = env.run(PlaceOrder.class, new Order("o-1", "sku", 2, false));
 *   assertEquals(19.0, result.output().amount());
 * }
 * }</pre>
 */
package dev.statecraft.testing;
