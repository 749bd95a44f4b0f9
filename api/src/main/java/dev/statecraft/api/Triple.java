package dev.statecraft.api;

/**
 * Three values, as returned by {@link Durable#parallel(java.util.function.Supplier,
 * java.util.function.Supplier, java.util.function.Supplier)}.
 *
 * <pre>{@code
 * Triple<String, String, String> t =
 *     Durable.parallel(() -> act.a(x), () -> act.b(x), () -> act.c(x));
 * }</pre>
 *
 * @param first the first value
 * @param second the second value
 * @param third the third value
 * @param <A> type of the first value
 * @param <B> type of the second value
 * @param <C> type of the third value
 */
public record Triple<A, B, C>(A first, B second, C third) {}
