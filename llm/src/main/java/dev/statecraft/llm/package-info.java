/**
 * Model routing for activities: named routes of {@code provider:model} targets with fallback on
 * rate limits, timeouts and server errors, cooldowns, a price table and per-execution budgets, on
 * LangChain4j. The front door is {@link dev.statecraft.llm.LlmRouter}; routes are read from the
 * project's {@code statecraft-llm.json} ({@link dev.statecraft.llm.RouterConfig}). See {@code
 * docs/llm-routing.md}.
 */
package dev.statecraft.llm;
