package dev.statecraft.llm;

import java.util.List;
import java.util.Objects;

/**
 * What the router did for one call: the route asked for, the target that answered, the targets it
 * passed over on the way, and what the answer cost. Return it with the activity's result (or copy
 * its fields into a record of your project) so a retried or resumed execution's history says which
 * model answered each step and why.
 *
 * @param route the route's name, such as {@code fast}
 * @param model the target that answered, {@code provider:model} ({@code local:small} for the
 *     offline stand-in)
 * @param fallbacks the targets passed over before it, in order
 * @param usage the answer's tokens and cost
 */
public record ModelChoice(String route, String model, List<Fallback> fallbacks, Usage usage) {
  public ModelChoice {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(model, "model");
    fallbacks = List.copyOf(fallbacks);
    Objects.requireNonNull(usage, "usage");
  }
}
