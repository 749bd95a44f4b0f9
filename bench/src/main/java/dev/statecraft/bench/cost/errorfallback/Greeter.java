package dev.statecraft.bench.cost.errorfallback;

import dev.statecraft.api.Activities;

/** The two functions of the error-fallback pattern. */
@Activities
public interface Greeter {
  /** Greets, or throws {@link CustomError} for an empty name. */
  String greet(String name) throws CustomError;

  /** The answer when greeting failed. */
  String fallback(String name, String reason);
}
