/**
 * The engine benchmark: {@link dev.statecraft.bench.EngineBenchmark} runs the shared benchmark
 * state machine on {@link dev.statecraft.local.LocalEngine}, durable and in memory, and reports
 * executions/s, state transitions/s and per-transition latency. Not part of the test run; see
 * {@code bench/README.md}.
 */
package dev.statecraft.bench;
