package dev.statecraft.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A simulated clock for tests: a Wait of an hour, a retry back-off or a task timeout completes at
 * once, and the history timestamps show the hour as passed.
 *
 * <p>The clock stands still while any attached engine is busy (a state being executed, a task
 * handler running in-process). When every engine is idle it jumps to the earliest pending timer and
 * fires it, like a discrete-event simulation. A handler that blocks forever therefore never times
 * out on this clock; use the wall clock for that.
 *
 * <pre>{@code
 * VirtualTimeSource clock = new VirtualTimeSource(Instant.parse("2024-01-01T00:00:00Z"));
 * LocalEngine engine = LocalEngine.open(EngineOptions.inMemory().withTime(clock));
 * }</pre>
 */
public final class VirtualTimeSource implements TimeSource, AutoCloseable {
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final List<BooleanSupplier> engines = new CopyOnWriteArrayList<>();
  private final Thread driver;
  private Instant now;
  private long sequence;
  private volatile boolean closed;

  /** Creates a clock that starts at {@code start} and drives its timers on a daemon thread. */
  public VirtualTimeSource(Instant start) {
    this.now = start;
    this.driver = new Thread(this::drive, "virtual-time");
    driver.setDaemon(true);
    driver.start();
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  /** Moves the clock forward by {@code duration}, firing every timer that falls due. */
  public void advance(Duration duration) {
    Instant target;
    synchronized (this) {
      target = now.plus(duration);
    }
    while (true) {
      Timer due;
      synchronized (this) {
        due = timers.peek();
        if (due == null || due.at.isAfter(target)) {
          now = target;
          return;
        }
        timers.poll();
        now = due.at.isAfter(now) ? due.at : now;
      }
      due.fire();
    }
  }

  @Override
  public synchronized Scheduled schedule(Instant at, Runnable action) {
    Timer timer = new Timer(at, sequence++, action);
    timers.add(timer);
    notifyAll();
    return timer::cancel;
  }

  @Override
  public void attach(BooleanSupplier idle) {
    engines.add(idle);
  }

  @Override
  public void detach(BooleanSupplier idle) {
    engines.remove(idle);
  }

  /** Stops the driver thread; pending timers never fire. */
  @Override
  public void close() {
    closed = true;
    driver.interrupt();
  }

  private void drive() {
    try {
      while (!closed) {
        synchronized (this) {
          while (timers.isEmpty()) {
            wait();
          }
        }
        if (!allIdle()) {
          TimeUnit.MICROSECONDS.sleep(200);
          continue;
        }
        Timer due;
        synchronized (this) {
          due = timers.poll();
          if (due == null) {
            continue;
          }
          now = due.at.isAfter(now) ? due.at : now;
        }
        due.fire();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean allIdle() {
    for (BooleanSupplier engine : engines) {
      if (!engine.getAsBoolean()) {
        return false;
      }
    }
    return true;
  }

  private static final class Timer implements Comparable<Timer> {
    final Instant at;
    final long order;
    final Runnable action;
    volatile boolean cancelled;

    Timer(Instant at, long order, Runnable action) {
      this.at = at;
      this.order = order;
      this.action = action;
    }

    void cancel() {
      cancelled = true;
    }

    void fire() {
      if (!cancelled) {
        action.run();
      }
    }

    @Override
    public int compareTo(Timer other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
