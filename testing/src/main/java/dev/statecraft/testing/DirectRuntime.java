package dev.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.ActivityTimeout;
import dev.statecraft.api.Callback;
import dev.statecraft.api.CallbackTimeout;
import dev.statecraft.api.spi.DurableRuntime;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Direct mode's {@link DurableRuntime}: the reference semantics of the workflow language. Activity
 * calls go to the registered implementations with their retry policy, Map items and Parallel
 * branches run one after another in order, and every wait advances a virtual clock of the run's
 * own.
 */
final class DirectRuntime implements DurableRuntime {
  private final BiFunction<Class<?>, Method, ActivityBinding> binder;
  private final CallbackResponder responder;
  private final RunRecorder run;
  private Instant now;
  private final Set<Throwable> fromOutside = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Throwable> timeouts = Collections.newSetFromMap(new IdentityHashMap<>());
  private int notifying;
  private ActivityCall notifyCall;
  private RetrySchedule notifySchedule = RetrySchedule.NONE;
  private int callbacks;

  DirectRuntime(
      BiFunction<Class<?>, Method, ActivityBinding> binder,
      CallbackResponder responder,
      RunRecorder run,
      Instant start) {
    this.binder = binder;
    this.responder = responder;
    this.run = run;
    this.now = start;
  }

  Instant now() {
    return now;
  }

  /** How a run that threw {@code t} failed, as the engine would report it. */
  WorkflowError failureOf(Throwable t) {
    if (timeouts.contains(t)) {
      return WorkflowError.timeout();
    }
    return WorkflowError.ofEscaped(t, fromOutside.contains(t));
  }

  // ---- activities -------------------------------------------------------------------------------

  @Override
  public Object callActivity(Class<?> activities, Method method, Object[] args) {
    ActivityBinding binding = binder.apply(activities, method);
    RetrySchedule schedule = RetrySchedule.of(method);
    if (notifying > 0) {
      // Inside awaitCallback the whole wait is retried, with a new callback, as on the engine.
      notifySchedule = schedule;
      return attempt(binding, schedule, args, true);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt(binding, schedule, args, false);
      } catch (AttemptFailed f) {
        if (attempt >= schedule.maxAttempts() || !schedule.retries(f.thrown, f.timedOut)) {
          throw sneaky(toWorkflow(f));
        }
        advance(schedule.delayBefore(attempt));
      }
    }
  }

  private Object attempt(
      ActivityBinding binding, RetrySchedule schedule, Object[] args, boolean notify) {
    Object[] copies = binding.copy(args);
    ObjectNode recorded = binding.recorded(copies, run);
    Object value;
    try {
      value = binding.invoke(copies);
    } catch (ActivityTimeout t) {
      if (notify) {
        throw new TestSetupError(CALLBACK_TIMEOUT_UNSUPPORTED + binding.activity());
      }
      run.record(ActivityCall.threw(binding.activity(), recorded, WorkflowError.timeout()));
      advance(schedule.timeout());
      throw new AttemptFailed(t, true);
    } catch (Error e) {
      throw e;
    } catch (Throwable t) {
      run.record(ActivityCall.threw(binding.activity(), recorded, WorkflowError.ofException(t)));
      throw new AttemptFailed(t, false);
    }
    ActivityCall call = ActivityCall.returned(binding.activity(), recorded, value);
    run.record(call);
    if (notify) {
      notifyCall = call;
    }
    return binding.copyResult(value);
  }

  static final String CALLBACK_TIMEOUT_UNSUPPORTED =
      "an activity that receives a Callback cannot simulate a timeout by throwing ActivityTimeout"
          + " (its task's timeout is the callback's): ";

  private Throwable toWorkflow(AttemptFailed f) {
    if (f.timedOut) {
      ActivityTimeout timeout = new ActivityTimeout(null);
      timeouts.add(timeout);
      return timeout;
    }
    fromOutside.add(f.thrown);
    return f.thrown;
  }

  // ---- waits ------------------------------------------------------------------------------------

  @Override
  public void sleep(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("cannot sleep for a negative duration: " + duration);
    }
    advance(duration);
  }

  @Override
  public <T> T awaitCallback(Class<T> type, Duration timeout, Consumer<Callback> notify) {
    for (int attempt = 1; ; attempt++) {
      String token = "callback-" + ++callbacks;
      Callback callback = new Callback(token, ActivityBinding.CALLBACK_URL + "?token=" + token);
      notifyCall = null;
      notifySchedule = RetrySchedule.NONE;
      notifying++;
      try {
        notify.accept(callback);
      } catch (AttemptFailed f) {
        if (attempt >= notifySchedule.maxAttempts() || !notifySchedule.retries(f.thrown, false)) {
          throw sneaky(toWorkflow(f));
        }
        advance(notifySchedule.delayBefore(attempt));
        continue;
      } finally {
        notifying--;
      }
      return answer(type, timeout, callback, notifyCall);
    }
  }

  private <T> T answer(Class<T> type, Duration timeout, Callback callback, ActivityCall call) {
    if (responder == null) {
      throw timedOut(timeout);
    }
    Object answer;
    try {
      answer = responder.answer(callback, call);
    } catch (CallbackTimeout e) {
      throw timedOut(timeout);
    } catch (Exception e) {
      fromOutside.add(e);
      throw sneaky(e);
    }
    JsonNode json = ActivityJson.mapper().valueToTree(answer);
    return ActivityJson.mapper().convertValue(json == null ? NullNode.getInstance() : json, type);
  }

  private CallbackTimeout timedOut(Duration timeout) {
    advance(timeout);
    CallbackTimeout e = new CallbackTimeout(null);
    timeouts.add(e);
    return e;
  }

  private void advance(Duration d) {
    now = now.plus(d);
  }

  // ---- fan-out ----------------------------------------------------------------------------------

  @Override
  public <T, R> List<R> map(List<T> items, int maxConcurrency, Function<T, R> body) {
    List<R> results = new ArrayList<>(items.size());
    for (T item : items) {
      results.add(body.apply(item));
    }
    return results;
  }

  @Override
  public List<Object> parallel(List<Supplier<Object>> branches) {
    List<Object> results = new ArrayList<>(branches.size());
    for (Supplier<Object> branch : branches) {
      results.add(branch.get());
    }
    return results;
  }

  @Override
  public String executionId() {
    return run.executionId();
  }

  /** An attempt that threw; carries what it threw to the retry loop. */
  private static final class AttemptFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Throwable thrown;
    final boolean timedOut;

    AttemptFailed(Throwable thrown, boolean timedOut) {
      super(null, null, false, false);
      this.thrown = thrown;
      this.timedOut = timedOut;
    }
  }

  @SuppressWarnings("unchecked")
  static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
