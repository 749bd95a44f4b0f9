package dev.statecraft.api;

import dev.statecraft.api.spi.DurableRuntime;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The durable operations a workflow may use. Statecraft compiles each call into the cloud's own
 * construct, so it survives crashes and restarts and costs nothing while it waits:
 *
 * <table>
 *   <caption>What each operation becomes</caption>
 *   <tr><th>call</th><th>AWS Step Functions</th><th>Cloud Workflows</th><th>Durable Functions</th></tr>
 *   <tr><td>{@code act.m(...)}</td><td>Task (Lambda)</td><td>{@code http.post}</td><td>{@code callActivity}</td></tr>
 *   <tr><td>{@link #sleep}</td><td>Wait</td><td>{@code sys.sleep}</td><td>{@code createTimer}</td></tr>
 *   <tr><td>{@link #map}</td><td>Map</td><td>parallel {@code for}</td><td>{@code allOf}</td></tr>
 *   <tr><td>{@link #parallel}</td><td>Parallel</td><td>parallel branches</td><td>{@code allOf}</td></tr>
 *   <tr><td>{@link #awaitCallback}</td><td>{@code .waitForTaskToken}</td><td>callback endpoint</td>
 *       <td>{@code waitForExternalEvent}</td></tr>
 * </table>
 *
 * <pre>{@code
 * @Workflow
 * public class Digest {
 *   private final DigestActivities act = Durable.activities(DigestActivities.class);
 *
 *   @WorkflowMethod
 *   public List<String> run(List<String> urls) {
 *     List<String> summaries = Durable.map(urls, 5, url -> act.summarize(url));
 *     Durable.sleep(Duration.ofMinutes(10));
 *     return summaries;
 *   }
 * }
 * }</pre>
 *
 * <p>Outside a compiled workflow (in plain unit tests) these methods delegate to the {@link
 * DurableRuntime} bound to the current thread, such as the one {@code statecraft-testing} provides;
 * with none bound they throw {@link IllegalStateException}.
 */
public final class Durable {
  private Durable() {}

  /**
   * A stub through which workflow code calls the activities of an {@link Activities} interface.
   * Assign it to a field: {@code private final X act = Durable.activities(X.class);}.
   *
   * @param type the {@code @Activities} interface
   * @return a stub whose calls run as durable activities
   */
  public static <T> T activities(Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (!type.isInterface() || !type.isAnnotationPresent(Activities.class)) {
      throw new IllegalArgumentException(type.getName() + " is not an @Activities interface");
    }
    Object stub =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                  case "toString" -> "Durable.activities(" + type.getSimpleName() + ")";
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                };
              }
              return DurableRuntime.current()
                  .callActivity(type, method, args == null ? new Object[0] : args);
            });
    return type.cast(stub);
  }

  /**
   * Pauses the workflow durably for {@code duration}; nothing runs or is billed while it waits.
   *
   * @param duration how long to wait; at least zero
   */
  public static void sleep(Duration duration) {
    DurableRuntime.current().sleep(duration);
  }

  /**
   * Runs {@code body} for every item, in parallel, and returns the results in item order.
   *
   * @param items the items, one branch each
   * @param body workflow code run per item; it may call activities
   * @return the results, in the order of {@code items}
   */
  public static <T, R> List<R> map(List<T> items, Function<T, R> body) {
    return DurableRuntime.current().map(items, 0, body);
  }

  /**
   * Like {@link #map(List, Function)}, with at most {@code maxConcurrency} items running at once.
   *
   * @param maxConcurrency the largest number of branches running at once; 0 means no limit
   */
  public static <T, R> List<R> map(List<T> items, int maxConcurrency, Function<T, R> body) {
    return DurableRuntime.current().map(items, maxConcurrency, body);
  }

  /** Runs two branches in parallel and returns both results. */
  public static <A, B> Pair<A, B> parallel(Supplier<A> a, Supplier<B> b) {
    List<Object> r = DurableRuntime.current().parallel(List.of(a::get, b::get));
    return new Pair<>(cast(r.get(0)), cast(r.get(1)));
  }

  /** Runs three branches in parallel and returns the three results. */
  public static <A, B, C> Triple<A, B, C> parallel(Supplier<A> a, Supplier<B> b, Supplier<C> c) {
    List<Object> r = DurableRuntime.current().parallel(List.of(a::get, b::get, c::get));
    return new Triple<>(cast(r.get(0)), cast(r.get(1)), cast(r.get(2)));
  }

  /**
   * Waits until the outside world answers through a {@link Callback}, and returns the answer.
   * {@code notify} runs first and hands the callback to someone, typically by calling an activity
   * that sends it.
   *
   * @param type the type the answer is decoded into
   * @param timeout how long to wait for an answer
   * @param notify workflow code that passes the callback on; it may call activities
   * @return the answer
   * @throws CallbackTimeout when nobody answers within {@code timeout}
   */
  public static <T> T awaitCallback(Class<T> type, Duration timeout, Consumer<Callback> notify) {
    return DurableRuntime.current().awaitCallback(type, timeout, notify);
  }

  /** The id of the running execution, stable across restarts and retries. */
  public static String executionId() {
    return DurableRuntime.current().executionId();
  }

  @SuppressWarnings("unchecked")
  private static <X> X cast(Object o) {
    return (X) o;
  }
}
