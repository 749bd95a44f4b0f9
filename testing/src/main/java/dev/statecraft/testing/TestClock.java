package dev.statecraft.testing;

import dev.statecraft.local.TimeSource;
import dev.statecraft.local.VirtualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The engine's clock in a test. On virtual time, time passes only while the test waits for the
 * workflow (as with Temporal's time skipping): between {@code start} and {@code result} the
 * workflow runs every step that needs no time, so a pending callback cannot time out before the
 * test had a chance to answer it. On the wall clock it is the system clock.
 */
final class TestClock implements TimeSource, AutoCloseable {
  private final TimeSource delegate;
  private final VirtualTimeSource virtual;
  private final AtomicInteger waiters = new AtomicInteger();
  private final AtomicInteger callbackWaiters = new AtomicInteger();
  private final Map<BooleanSupplier, BooleanSupplier> gated = new ConcurrentHashMap<>();
  private volatile boolean held;

  private TestClock(TimeSource delegate, VirtualTimeSource virtual) {
    this.delegate = delegate;
    this.virtual = virtual;
  }

  static TestClock virtual(Instant start) {
    VirtualTimeSource v = new VirtualTimeSource(start);
    return new TestClock(v, v);
  }

  static TestClock wall() {
    return new TestClock(TimeSource.system(), null);
  }

  boolean isVirtual() {
    return virtual != null;
  }

  @Override
  public Instant now() {
    return delegate.now();
  }

  @Override
  public Scheduled schedule(Instant at, Runnable action) {
    return delegate.schedule(at, action);
  }

  @Override
  public void attach(BooleanSupplier idle) {
    BooleanSupplier gate = () -> waiters.get() > 0 && !held && idle.getAsBoolean();
    gated.put(idle, gate);
    delegate.attach(gate);
  }

  @Override
  public void detach(BooleanSupplier idle) {
    BooleanSupplier gate = gated.remove(idle);
    if (gate != null) {
      delegate.detach(gate);
    }
  }

  /** Runs {@code wait} (a test waiting for the workflow's result) while virtual time passes. */
  <T> T letTimePass(Callable<T> wait) throws Exception {
    waiters.incrementAndGet();
    held = false;
    try {
      return wait.call();
    } finally {
      waiters.decrementAndGet();
    }
  }

  /**
   * Runs {@code wait} (a test waiting for a pending callback) while virtual time passes, until
   * {@link #holdForCallback} stops it.
   */
  <T> T letTimePassUntilCallback(Callable<T> wait) throws Exception {
    callbackWaiters.incrementAndGet();
    try {
      return letTimePass(wait);
    } finally {
      callbackWaiters.decrementAndGet();
    }
  }

  /**
   * Stops virtual time, if the test is waiting for a callback, until it waits again. Called while
   * the engine is still busy, right after a callback started waiting, so that its timeout cannot
   * fire before the test answers.
   */
  void holdForCallback() {
    if (callbackWaiters.get() > 0) {
      held = true;
    }
  }

  /** Lets time pass again after a hold, for a test still waiting for another callback. */
  void release() {
    held = false;
  }

  /**
   * Moves virtual time forward by {@code d}, firing the timers that fall due; no-op on the wall.
   */
  void advance(Duration d) {
    if (virtual != null) {
      virtual.advance(d);
    }
  }

  @Override
  public void close() {
    if (virtual != null) {
      virtual.close();
    }
  }
}
