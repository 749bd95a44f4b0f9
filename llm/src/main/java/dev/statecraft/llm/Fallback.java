package dev.statecraft.llm;

/**
 * A target a call passed over, and why: {@code rate limited (429)}, {@code server error (503)},
 * {@code timeout}, {@code unreachable}, {@code cooling down until 2026-12-02T15:40:00Z} or {@code
 * no key: OPENAI_API_KEY has no value}.
 *
 * @param target the target, {@code provider:model}
 * @param reason why it did not answer
 */
public record Fallback(String target, String reason) {}
