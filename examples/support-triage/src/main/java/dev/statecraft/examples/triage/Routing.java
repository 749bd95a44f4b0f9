package dev.statecraft.examples.triage;

import dev.statecraft.llm.ModelChoice;
import java.util.List;

/**
 * What the model router did for a step, kept with the step's result so the execution's history
 * explains each answer, also after a retry or a resume.
 *
 * @param route the route asked for ({@code small} or {@code large})
 * @param target the target that answered, {@code provider:model} ({@code local:small} offline)
 * @param fallbacks the targets passed over first, each as {@code target: reason}
 * @param usd what the answer cost, at the router's price table
 */
public record Routing(String route, String target, List<String> fallbacks, double usd) {
  static Routing of(ModelChoice c) {
    return new Routing(
        c.route(),
        c.model(),
        c.fallbacks().stream().map(f -> f.target() + ": " + f.reason()).toList(),
        c.usage().usd());
  }
}
