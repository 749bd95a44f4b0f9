package dev.statecraft.api.spi;

import dev.statecraft.api.Callback;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@link dev.statecraft.api.Durable} delegates to when workflow code runs as plain Java, such
 * as in the direct mode of {@code statecraft-testing}. Compiled workflows never use it: the cloud
 * runs them. Bind one to the current thread with {@link #bind(DurableRuntime)} and close the
 * returned scope when done:
 *
 * <pre>{@code
 * try (DurableRuntime.Scope s = DurableRuntime.bind(myRuntime)) {
 *   output = new SupportTriage().run(ticket);
 * }
 * }</pre>
 */
public interface DurableRuntime {
  /** Runs one activity call and returns its result, or throws the activity's exception. */
  Object callActivity(Class<?> activities, Method method, Object[] args);

  /** Waits durably. */
  void sleep(Duration duration);

  /** Runs {@code body} per item and returns the results in item order. */
  <T, R> List<R> map(List<T> items, int maxConcurrency, Function<T, R> body);

  /** Runs the branches and returns their results in branch order. */
  List<Object> parallel(List<Supplier<Object>> branches);

  /** Waits for an answer through a callback. */
  <T> T awaitCallback(Class<T> type, Duration timeout, Consumer<Callback> notify);

  /** The id of the running execution. */
  String executionId();

  /** The runtime bound to this thread. */
  static DurableRuntime current() {
    DurableRuntime r = Binding.CURRENT.get();
    if (r == null) {
      throw new IllegalStateException(
          "workflow code is running outside Statecraft: compile it with `statecraft compile`,"
              + " run it with `statecraft run`, or bind a DurableRuntime (statecraft-testing does)");
    }
    return r;
  }

  /** Binds {@code runtime} to this thread until the returned scope closes. */
  static Scope bind(DurableRuntime runtime) {
    Objects.requireNonNull(runtime, "runtime");
    DurableRuntime previous = Binding.CURRENT.get();
    Binding.CURRENT.set(runtime);
    return () -> Binding.CURRENT.set(previous);
  }

  /** Undoes a {@link #bind(DurableRuntime)}. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Holder of the per-thread binding. */
  final class Binding {
    private static final InheritableThreadLocal<DurableRuntime> CURRENT =
        new InheritableThreadLocal<>();

    private Binding() {}
  }
}
