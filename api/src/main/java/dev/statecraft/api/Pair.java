package dev.statecraft.api;

/**
 * Two values, as returned by {@link Durable#parallel(java.util.function.Supplier,
 * java.util.function.Supplier)}.
 *
 * <pre>{@code
 * Pair<Reply, Summary> both = Durable.parallel(() -> act.answer(t), () -> act.summarize(t));
 * Reply reply = both.first();
 * }</pre>
 *
 * @param first the first value
 * @param second the second value
 * @param <A> type of the first value
 * @param <B> type of the second value
 */
public record Pair<A, B>(A first, B second) {}
