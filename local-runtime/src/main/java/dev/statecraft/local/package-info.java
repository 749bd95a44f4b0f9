/**
 * An embedded engine that runs Amazon States Language (ASL) state machines locally and durably.
 *
 * <p>{@link dev.statecraft.local.LocalEngine} is the front door: register in-process Lambda
 * handlers, create state machines from their ASL JSON, start executions and wait for their results.
 * Everything under {@code dev.statecraft.local.internal} is implementation detail.
 *
 * <pre>{@code
 * try (LocalEngine engine = LocalEngine.open(EngineOptions.durable(Path.of("engine.db")))) {
 *   engine.registerLambda("greet", new GreetHandler());
 *   engine.resumeUnfinished();
 *   engine.createStateMachine("hello", definitionJson);
 *   String arn = engine.startExecution("hello", "run-1", "{\"who\":\"world\"}");
 *   ExecutionResult result = engine.awaitResult(arn, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
package dev.statecraft.local;
