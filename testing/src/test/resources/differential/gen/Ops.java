package gen;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Activity;
import dev.statecraft.api.Retry;

/** Deterministic activities for generated programs. */
@Activities
public interface Ops {
  int add(int a, int b);

  String tag(String s, int n);

  boolean check(int n);

  /** Fails with OpFailed for multiples of 4. */
  int risky(int n);

  /** Fails with Flaky the first time it sees each n, then succeeds. */
  @Activity(retry = @Retry(maxAttempts = 3, initialInterval = "PT2S", retryOn = Flaky.class))
  int flaky(int n);
}
